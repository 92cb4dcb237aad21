package io.tenantry.operator.workflow;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.quarkus.arc.Unremovable;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Activates the database dependents of {@code shared-server} mode. */
@Singleton
@Unremovable
public class SharedServerMode implements Condition<Object, Tenant> {

  @Inject OperatorConfig config;

  @Override
  public boolean isMet(
      DependentResource<Object, Tenant> dependent, Tenant tenant, Context<Tenant> context) {
    return !config.database().cloudNativePg();
  }
}
