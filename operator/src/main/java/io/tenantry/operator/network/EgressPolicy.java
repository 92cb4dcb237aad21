package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.NetworkConfig;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where tenant pods may connect: the cluster DNS pods, the control plane's API, shared services on
 * their configured ports, the tenant database, and the internet on 443 only — never link-local
 * (cloud metadata), the cluster's own pod or service ranges, nodes or other private ranges.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class EgressPolicy extends IsolationDependent<NetworkPolicy> {

  public static final String ANYWHERE = "0.0.0.0/0";

  /** Link-local addresses: the cloud metadata endpoints (169.254.169.254) and the node's own. */
  public static final String LINK_LOCAL = "169.254.0.0/16";

  @Inject OperatorConfig config;

  public EgressPolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config);
  }

  public static NetworkPolicy build(Tenant tenant, OperatorConfig config) {
    NetworkConfig network = config.network();
    List<NetworkPolicyEgressRule> rules = new ArrayList<>();
    rules.add(dns(network));
    rules.add(
        rule(
            Peers.pods(network.platformNamespaceSelector(), network.platformPodSelector()),
            network.platformApiPort()));
    rules.add(
        new NetworkPolicyEgressRuleBuilder()
            .withTo(Peers.namespace(network.sharedServicesNamespace()))
            .withPorts(network.sharedServicesPorts().stream().map(Peers::tcp).toList())
            .build());
    if (!config.database().cloudNativePg()) {
      OperatorConfig.SharedServer server = config.database().sharedServer();
      rules.add(rule(Peers.namespace(server.namespace()), server.port()));
    }
    rules.add(internetHttps(network));
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

  static NetworkPolicyEgressRule dns(NetworkConfig network) {
    return new NetworkPolicyEgressRuleBuilder()
        .withTo(Peers.podsIn(network.dnsNamespace(), network.dnsPodSelector()))
        .withPorts(Peers.port("UDP", network.dnsPort()), Peers.port("TCP", network.dnsPort()))
        .build();
  }

  static NetworkPolicyEgressRule internetHttps(NetworkConfig network) {
    Set<String> except = new LinkedHashSet<>();
    except.add(LINK_LOCAL);
    except.addAll(network.clusterCidrs());
    except.addAll(network.privateCidrs());
    return new NetworkPolicyEgressRuleBuilder()
        .addNewTo()
        .withNewIpBlock()
        .withCidr(ANYWHERE)
        .withExcept(List.copyOf(except))
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
