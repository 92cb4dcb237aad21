package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.NetworkConfig;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;

/**
 * The tenant app's HTTP port is reachable from the control plane's pods, the operator's pods (which
 * read the app's metrics while a rollout soaks) and the ingress controller's pods only, not from
 * any other pod of their namespaces.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class AppIngressPolicy extends IsolationDependent<NetworkPolicy> {

  public static final int APP_PORT = 8080;

  @Inject OperatorConfig config;

  public AppIngressPolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config.network());
  }

  public static NetworkPolicy build(Tenant tenant, NetworkConfig network) {
    return new NetworkPolicyBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.APP_INGRESS_POLICY))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(TenantNames.appSelector(tenant))
        .endPodSelector()
        .addNewIngress()
        .withFrom(
            Peers.pods(network.platformNamespaceSelector(), network.platformPodSelector()),
            Peers.pods(network.platformNamespaceSelector(), network.operatorPodSelector()),
            Peers.pods(network.ingressNamespaceSelector(), network.ingressPodSelector()))
        .withPorts(Peers.tcp(APP_PORT))
        .endIngress()
        .withPolicyTypes("Ingress")
        .endSpec()
        .build();
  }
}
