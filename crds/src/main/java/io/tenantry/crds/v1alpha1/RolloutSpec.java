package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Which release goes to which tenants, in which waves; and the SRE's hands on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {

  @JsonPropertyDescription(
      "Name of the Release to roll out; cannot change once the rollout has started.")
  @Required
  @Size(min = 1, max = 253)
  public String release;

  @JsonPropertyDescription("Which tenants the rollout moves at all; empty means every tenant.")
  public TenantSelector selector;

  @JsonPropertyDescription(
      "The waves, in order. Each takes the not-yet-assigned tenants its selector and canary pick;"
          + " a wave with neither takes all the rest. Membership is frozen when the rollout starts.")
  @Required
  @Size(min = 1, max = 50)
  public List<Wave> waves = new ArrayList<>();

  @JsonPropertyDescription("true holds the rollout: nothing new starts until it is false again.")
  @Default("false")
  public Boolean paused = false;

  @JsonPropertyDescription(
      "true ends the rollout for good: nothing more starts; tenants keep what they run.")
  @Default("false")
  public Boolean aborted = false;

  @JsonPropertyDescription("Index of the last Manual wave approved to start; -1 approves none.")
  @Default("-1")
  @Min(-1)
  public Integer promotedThrough = -1;

  public boolean isPaused() {
    return Boolean.TRUE.equals(paused);
  }

  public boolean isAborted() {
    return Boolean.TRUE.equals(aborted);
  }

  public int promotedThroughIndex() {
    return promotedThrough == null ? -1 : promotedThrough;
  }
}
