package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What the tenant should be. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantSpec {

  public static final String REGION_PATTERN = "^[a-z]{2}(-[a-z0-9]+){1,3}$";
  public static final String APP_VERSION_PATTERN =
      "^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|sha256:[a-f0-9]{64})$";

  @JsonPropertyDescription(
      "Human-readable name of the customer organization, e.g. 'Acme Fiber Ltd'.")
  @Required
  @Size(min = 1, max = 100)
  public String displayName;

  @JsonPropertyDescription(
      "Commercial plan: free, starter, professional or enterprise. Selects quotas, seats and features.")
  @Required
  @PrinterColumn(name = "Plan")
  public Plan plan;

  @JsonPropertyDescription("Region the tenant is served from, e.g. 'eu-west-1'.")
  @Pattern(REGION_PATTERN)
  @Size(max = 32)
  public String region;

  @JsonPropertyDescription(
      "true scales the tenant app to zero and removes its Ingress; data is kept.")
  @Default("false")
  public Boolean suspended = false;

  @JsonPropertyDescription(
      "Retain keeps the tenant database when the Tenant is deleted (its role can no longer log"
          + " in; a new Tenant of this name takes it over only with spec.database.reattachRetained);"
          + " Delete drops it.")
  @Default("Retain")
  public DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  @JsonPropertyDescription(
      "Decisions about the tenant database, e.g. re-attaching one retained from a deleted Tenant.")
  public DatabaseSpec database;

  @JsonPropertyDescription(
      "A pin: the tenant-app image to run, a tag (pulled again at every start) or a digest"
          + " 'sha256:<64 hex>'. Rollouts skip a pinned tenant. Owned by SREs and the control plane.")
  @Pattern(APP_VERSION_PATTERN)
  public String appVersion;

  @JsonPropertyDescription(
      "The version the rollout controller moved the tenant to; used when appVersion (the pin) is"
          + " empty, the operator's default when both are. Owned by the rollout controller only.")
  @Pattern(APP_VERSION_PATTERN)
  public String rolloutVersion;

  @JsonPropertyDescription(
      "Seats, license and effective features; written by the control plane, signed by the platform key.")
  public Entitlements entitlements;

  /** True when this Tenant explicitly takes over a database retained from a deleted one. */
  public boolean reattachesRetainedDatabase() {
    return database != null && database.isReattachRetained();
  }

  public boolean isSuspended() {
    return Boolean.TRUE.equals(suspended);
  }
}
