package io.tenantry.operator.namespace;

import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.config.PlanTier;

/** The configured tier of a tenant's plan; the validator guarantees it exists. */
public final class Plans {

  private Plans() {}

  public static PlanTier tierOf(Tenant tenant, OperatorConfig config) {
    return config.plans().get(tenant.getSpec().plan.value());
  }
}
