package io.tenantry.operator.app;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;

/**
 * The tenant app's identity. It gets no token and no role binding: the app never talks to the
 * Kubernetes API, so it cannot touch its quota, policies or bindings.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class ServiceAccountDependent extends IsolationDependent<ServiceAccount> {

  public ServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected ServiceAccount desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant);
  }

  public static ServiceAccount build(Tenant tenant) {
    return new ServiceAccountBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.APP))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
