package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantStatus {

  @JsonPropertyDescription(
      "Summary of the conditions: Pending, Provisioning, Ready, Suspended, Degraded, Failed or Terminating.")
  @PrinterColumn(name = "Phase")
  public Phase phase;

  @JsonPropertyDescription(
      "Standard conditions: NamespaceReady, NetworkIsolated, DatabaseReady, IsolationVerified, AppAvailable, IngressReady, Ready.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Where the tenant's staff reach their app.")
  @PrinterColumn(name = "URL")
  public String url;

  @JsonPropertyDescription(
      "The tenant-app version the tenant runs: its Deployment is available with that image.")
  @PrinterColumn(name = "Version")
  public String appVersion;

  @JsonPropertyDescription("The metadata.generation this status describes.")
  public Long observedGeneration;
}
