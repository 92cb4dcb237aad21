package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Where tenant pods may connect: cluster DNS, the platform API, shared services, the tenant
 * database, and the internet on 443 only — never the cluster's own pod or service ranges.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class EgressPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, Tenant> {

  public static final String ANYWHERE = "0.0.0.0/0";

  @Inject OperatorConfig config;

  public EgressPolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config);
  }

  public static NetworkPolicy build(Tenant tenant, OperatorConfig config) {
    OperatorConfig.Network network = config.network();
    List<NetworkPolicyEgressRule> rules = new ArrayList<>();
    rules.add(dns(network));
    rules.add(
        rule(Peers.namespaces(network.platformNamespaceSelector()), network.platformApiPort()));
    rules.add(
        new NetworkPolicyEgressRuleBuilder()
            .withTo(Peers.namespace(network.sharedServicesNamespace()))
            .build());
    if (!config.database().cloudNativePg()) {
      OperatorConfig.SharedServer server = config.database().sharedServer();
      rules.add(rule(Peers.namespace(server.namespace()), server.port()));
    }
    rules.add(internetHttps(network.clusterCidrs()));
    return new NetworkPolicyBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.EGRESS_POLICY))
        .withNewSpec()
        .withNewPodSelector()
        .endPodSelector()
        .withEgress(rules)
        .withPolicyTypes("Egress")
        .endSpec()
        .build();
  }

  static NetworkPolicyEgressRule dns(OperatorConfig.Network network) {
    return new NetworkPolicyEgressRuleBuilder()
        .withTo(Peers.namespace(network.dnsNamespace()))
        .withPorts(Peers.port("UDP", network.dnsPort()), Peers.port("TCP", network.dnsPort()))
        .build();
  }

  static NetworkPolicyEgressRule internetHttps(List<String> clusterCidrs) {
    return new NetworkPolicyEgressRuleBuilder()
        .addNewTo()
        .withNewIpBlock()
        .withCidr(ANYWHERE)
        .withExcept(clusterCidrs)
        .endIpBlock()
        .endTo()
        .withPorts(Peers.tcp(443))
        .build();
  }

  private static NetworkPolicyEgressRule rule(
      io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer peer, int port) {
    return new NetworkPolicyEgressRuleBuilder().withTo(peer).withPorts(Peers.tcp(port)).build();
  }
}
