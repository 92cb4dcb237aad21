package io.tenantry.operator.workflow;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.quarkus.arc.Unremovable;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Activates the CloudNativePG Cluster and its network policy; in the other mode their informers are
 * never started, so the operator runs on clusters without the CNPG CRD.
 */
@Singleton
@Unremovable
public class CloudNativePgMode implements Condition<Object, Tenant> {

  @Inject OperatorConfig config;

  @Override
  public boolean isMet(
      DependentResource<Object, Tenant> dependent, Tenant tenant, Context<Tenant> context) {
    return config.database().cloudNativePg();
  }
}
