package io.tenantry.operator.workflow;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.tenantry.crds.v1alpha1.Tenant;

/** A suspended tenant is not reachable: when false, JOSDK deletes the Ingress. */
public class NotSuspended implements Condition<Ingress, Tenant> {

  @Override
  public boolean isMet(
      DependentResource<Ingress, Tenant> dependent, Tenant tenant, Context<Tenant> context) {
    return !tenant.getSpec().isSuspended();
  }
}
