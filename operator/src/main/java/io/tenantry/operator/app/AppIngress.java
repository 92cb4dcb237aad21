package io.tenantry.operator.app;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code https://<slug>.<base-domain>}, with a certificate from the configured issuer. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class AppIngress extends CRUDKubernetesDependentResource<Ingress, Tenant> {

  @Inject OperatorConfig config;

  public AppIngress() {
    super(Ingress.class);
  }

  @Override
  protected Ingress desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config);
  }

  public static Ingress build(Tenant tenant, OperatorConfig config) {
    String host = TenantNames.host(tenant, config.baseDomain());
    return new IngressBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.APP))
        .editMetadata()
        .withAnnotations(
            Map.of(config.ingress().issuerAnnotation(), config.ingress().clusterIssuer()))
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(config.ingress().className())
        .addNewTl()
        .withHosts(host)
        .withSecretName(TenantNames.TLS_SECRET)
        .endTl()
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(TenantNames.APP)
        .withNewPort()
        .withName("http")
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
