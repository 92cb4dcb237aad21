package io.tenantry.controlplane.console.shell;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The fixed option lists of the console's forms, the values the API accepts. */
@TemplateGlobal
public final class Choices {

  public static final List<String> phases =
      List.of("Pending", "Provisioning", "Ready", "Suspended", "Degraded", "Failed", "Terminating");
  public static final List<String> states =
      List.of("active", "suspended", "deleting", "deleted", "orphaned");
  public static final List<String> plans = List.of("free", "starter", "professional", "enterprise");
  public static final List<String> deletionPolicies = List.of("Retain", "Delete");
  public static final List<String> licenseTypes = List.of("trial", "subscription", "perpetual");
  public static final List<String> roles = List.of("owner", "admin", "support", "billing");

  private Choices() {}
}
