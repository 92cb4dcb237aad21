package io.tenantry.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.inject.Inject;

/**
 * A dependent that holds part of a tenant's isolation (namespace, quota, service account, network
 * policies). Its desired state changes only with the operator's configuration, so an update means
 * someone changed the object behind the operator's back: the update reverts that drift, and it is
 * counted ({@link TenantMetrics#DRIFT_REVERTED}).
 */
public abstract class IsolationDependent<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, Tenant> {

  @Inject TenantMetrics metrics;

  protected IsolationDependent(Class<R> type) {
    super(type);
  }

  @Override
  public R update(R actual, R desired, Tenant tenant, Context<Tenant> context) {
    R updated = super.update(actual, desired, tenant, context);
    if (metrics != null) {
      metrics.driftReverted(tenant.slug(), desired.getClass().getSimpleName());
    }
    return updated;
  }
}
