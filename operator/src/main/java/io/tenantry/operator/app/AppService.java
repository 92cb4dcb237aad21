package io.tenantry.operator.app;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.naming.TenantNames;

/** Port 80 of {@code tenant-app} inside the cluster, in front of the container's {@code http}. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class AppService extends CRUDKubernetesDependentResource<Service, Tenant> {

  public AppService() {
    super(Service.class);
  }

  @Override
  protected Service desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant);
  }

  public static Service build(Tenant tenant) {
    return new ServiceBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.APP))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(TenantNames.appSelector(tenant))
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(80)
        .withTargetPort(new IntOrString("http"))
        .endPort()
        .endSpec()
        .build();
  }
}
