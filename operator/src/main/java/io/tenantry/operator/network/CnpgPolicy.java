package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.Map;

/** The CloudNativePG operator manages instance pods through their status (8000) and SQL ports. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class CnpgPolicy extends IsolationDependent<NetworkPolicy> {

  @Inject OperatorConfig config;

  public CnpgPolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config.database().cnpg());
  }

  public static NetworkPolicy build(Tenant tenant, OperatorConfig.Cnpg cnpg) {
    return new NetworkPolicyBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.CNPG_POLICY))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Map.of(TenantNames.CNPG_CLUSTER_LABEL, TenantNames.CNPG_CLUSTER))
        .endPodSelector()
        .addNewIngress()
        .withFrom(Peers.namespace(cnpg.operatorNamespace()))
        .withPorts(Peers.tcp(8000), Peers.tcp(5432))
        .endIngress()
        .withPolicyTypes("Ingress")
        .endSpec()
        .build();
  }
}
