package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One tenant's place in a rollout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantRolloutStatus {

  @JsonPropertyDescription("The tenant's name (its slug).")
  public String tenant;

  @JsonPropertyDescription("Pending, Updating, Soaking, Succeeded, Failed, RolledBack or Skipped.")
  public TenantRolloutState state;

  @JsonPropertyDescription(
      "The tenant's spec.rolloutVersion before the rollout moved it; absent when it ran the"
          + " operator's default. A rollback writes this back.")
  public String fromVersion;

  @JsonPropertyDescription(
      "Why the tenant is in this state, e.g. Held, Pinned, NotAvailable, ErrorRatio, Latency.")
  public String reason;

  @JsonPropertyDescription("When the tenant entered this state (RFC 3339).")
  public String since;
}
