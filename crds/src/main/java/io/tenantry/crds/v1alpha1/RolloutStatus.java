package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the rollout controller knows, so that a restarted operator continues where it was:
 * membership is frozen here when the rollout starts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

  @JsonPropertyDescription(
      "Pending, Progressing, Paused, WaitingForPromotion, Halted, Aborted or Completed.")
  public RolloutPhase phase;

  @JsonPropertyDescription("Index of the wave in progress (or the last one).")
  public Integer currentWave;

  @JsonPropertyDescription("Name of the wave in progress (or the last one).")
  public String currentWaveName;

  @JsonPropertyDescription("Tenants in the rollout.")
  public Integer total;

  @JsonPropertyDescription("Tenants finished: succeeded, failed, rolled back or skipped.")
  public Integer done;

  @JsonPropertyDescription("Tenants that failed the health gate (rolled back or not).")
  public Integer failed;

  @JsonPropertyDescription("Failed tenants moved back to their previous version.")
  public Integer rolledBack;

  @JsonPropertyDescription("done/total, for kubectl.")
  public String progress;

  @JsonPropertyDescription("Standard conditions: Progressing, Halted, Completed.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Each wave with its members, frozen when the rollout starts.")
  public List<WaveStatus> waves = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this status describes.")
  public Long observedGeneration;
}
