package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** One wave as the operator sees it: its members, frozen at the start, and their states. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WaveStatus {

  @JsonPropertyDescription("The wave's name, as in spec.waves.")
  public String name;

  @JsonPropertyDescription("Pending, Running, Soaking, Succeeded or Halted.")
  public WavePhase phase;

  @JsonPropertyDescription("The wave's tenants, sorted by name, each with its state.")
  public List<TenantRolloutStatus> tenants = new ArrayList<>();
}
