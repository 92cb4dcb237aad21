package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.network.AppIngressPolicy;
import io.tenantry.operator.network.CnpgPolicy;
import io.tenantry.operator.network.DefaultDenyPolicy;
import io.tenantry.operator.network.EgressPolicy;
import io.tenantry.operator.network.SameNamespacePolicy;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The network isolation rules of a tenant namespace, read off the desired NetworkPolicies. */
class NetworkIsolationSpecTest {

  private static final Map<String, String> PLATFORM_NAMESPACE =
      Map.of("kubernetes.io/metadata.name", "tenantry-system");

  private final Tenant tenant = Tenants.stored("acme", Plan.STARTER);
  private final OperatorConfig config = TestConfig.shipped();

  @Test
  void everyPodIsDeniedAllTrafficInBothDirectionsByDefault() {
    NetworkPolicy deny = DefaultDenyPolicy.build(tenant);

    assertThat(deny.getMetadata().getNamespace()).isEqualTo("tenant-acme");
    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
    assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
    assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
  }

  @Test
  void podsOfTheTenantMayTalkToEachOtherButSameNamespaceOnly() {
    NetworkPolicy same = SameNamespacePolicy.build(tenant);

    List<NetworkPolicyPeer> peers =
        Stream.concat(
                same.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()),
                same.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream()))
            .toList();
    assertThat(peers)
        .hasSize(2)
        .allSatisfy(
            peer -> {
              assertThat(peer.getNamespaceSelector()).as("no other namespace").isNull();
              assertThat(peer.getIpBlock()).isNull();
              assertThat(peer.getPodSelector()).isNotNull();
            });
  }

  @Test
  void noRuleCanSelectAnotherTenantsNamespaceEvenWithABroadConfiguredSelector() {
    OperatorConfig broad =
        TestConfig.with(
            Map.of(
                "tenantry.operator.network.platform-namespace-selector", "tier=platform",
                "tenantry.operator.network.ingress-namespace-selector", "tier=edge"));

    List<NetworkPolicyPeer> namespacePeers =
        allPolicies(broad).stream()
            .flatMap(NetworkIsolationSpecTest::peers)
            .filter(peer -> peer.getNamespaceSelector() != null)
            .toList();

    assertThat(namespacePeers).isNotEmpty();
    assertThat(namespacePeers)
        .allSatisfy(
            peer ->
                assertThat(peer.getNamespaceSelector().getMatchExpressions())
                    .extracting(
                        LabelSelectorRequirement::getKey, LabelSelectorRequirement::getOperator)
                    .contains(
                        org.assertj.core.groups.Tuple.tuple("tenantry.io/tenant", "DoesNotExist")));
  }

  @Test
  void dnsEgressReachesTheClusterDnsPodsOnlyNotEveryPodOfTheirNamespace() {
    OperatorConfig coreDns =
        TestConfig.with(Map.of("tenantry.operator.network.dns-pod-selector", "k8s-app=coredns"));

    assertThat(dnsRule(config).getTo())
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector().getMatchLabels())
                  .containsExactly(Map.entry("kubernetes.io/metadata.name", "kube-system"));
              assertThat(peer.getPodSelector().getMatchLabels())
                  .containsExactly(Map.entry("k8s-app", "kube-dns"));
            });
    assertThat(dnsRule(coreDns).getTo().get(0).getPodSelector().getMatchLabels())
        .containsExactly(Map.entry("k8s-app", "coredns"));
  }

  @Test
  void internetEgressNeverReachesLinkLocalNodeOrPrivateRanges() {
    OperatorConfig nodes =
        TestConfig.with(Map.of("tenantry.operator.network.private-cidrs", "192.168.10.0/24"));

    assertThat(internetExcept(config))
        .contains("169.254.0.0/16", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    assertThat(internetExcept(nodes))
        .containsExactlyInAnyOrder(
            "169.254.0.0/16", "10.42.0.0/16", "10.43.0.0/16", "192.168.10.0/24");
  }

  @Test
  void sharedServicesAreReachableOnTheirConfiguredPortsOnly() {
    OperatorConfig mailOnly =
        TestConfig.with(Map.of("tenantry.operator.network.shared-services-ports", "25"));

    assertThat(egress(mailOnly))
        .contains("tenantry-shared:TCP/25")
        .doesNotContain("tenantry-shared:any");
  }

  @Test
  void internetEgressIsHttpsOnlyAndExcludesTheClusterPodAndServiceRanges() {
    List<NetworkPolicyEgressRule> ipRules =
        EgressPolicy.build(tenant, config).getSpec().getEgress().stream()
            .filter(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null))
            .toList();

    assertThat(ipRules)
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getTo())
                  .singleElement()
                  .satisfies(
                      peer -> {
                        assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
                        assertThat(peer.getIpBlock().getExcept())
                            .contains("10.42.0.0/16", "10.43.0.0/16");
                      });
              assertThat(rule.getPorts())
                  .extracting(NetworkIsolationSpecTest::describe)
                  .containsExactly("TCP/443");
            });
  }

  @Test
  void egressReachesDnsThePlatformSharedServicesAndTheDatabaseServerOnly() {
    List<String> destinations =
        EgressPolicy.build(tenant, config).getSpec().getEgress().stream()
            .map(NetworkIsolationSpecTest::describe)
            .toList();

    assertThat(destinations)
        .containsExactlyInAnyOrder(
            "kube-system:UDP/53,TCP/53",
            "tenantry-system:TCP/8080",
            "tenantry-shared:TCP/443,TCP/587",
            "tenantry-data:TCP/5432",
            "0.0.0.0/0:TCP/443");
  }

  @Test
  void theAppCallsTheControlPlanesPodsOnlyInThePlatformNamespace() {
    NetworkPolicyPeer platform =
        EgressPolicy.build(tenant, config).getSpec().getEgress().get(1).getTo().get(0);

    assertThat(platform.getNamespaceSelector().getMatchLabels())
        .containsExactly(Map.entry("kubernetes.io/metadata.name", "tenantry-system"));
    assertThat(platform.getPodSelector().getMatchLabels())
        .containsExactly(Map.entry("app.kubernetes.io/name", "control-plane"));
  }

  @Test
  void theAppAcceptsHttpFromTheControlPlaneOperatorAndIngressControllerPodsOnly() {
    NetworkPolicy ingress = AppIngressPolicy.build(tenant, config.network());

    assertThat(ingress.getSpec().getIngress().get(0).getFrom())
        .extracting(peer -> peer.getPodSelector().getMatchLabels())
        .containsExactlyInAnyOrder(
            Map.of("app.kubernetes.io/name", "control-plane"),
            Map.of("app.kubernetes.io/name", "operator"),
            Map.of(
                "app.kubernetes.io/name", "ingress-nginx",
                "app.kubernetes.io/component", "controller"));
  }

  @Test
  void theOperatorsPodsReachTheAppPortSoRolloutSoakCanReadItsMetrics() {
    NetworkPolicy ingress = AppIngressPolicy.build(tenant, config.network());

    assertThat(admits(ingress, PLATFORM_NAMESPACE, Map.of("app.kubernetes.io/name", "operator")))
        .containsExactly("TCP/8080");
  }

  @Test
  void anotherPlatformPodDoesNotReachTheApp() {
    NetworkPolicy ingress = AppIngressPolicy.build(tenant, config.network());

    assertThat(admits(ingress, PLATFORM_NAMESPACE, Map.of("app.kubernetes.io/name", "redis")))
        .isEmpty();
  }

  @Test
  void aPodWithTheOperatorsLabelsInAnotherTenantsNamespaceDoesNotReachTheApp() {
    NetworkPolicy ingress = AppIngressPolicy.build(tenant, config.network());
    Map<String, String> otherTenant =
        Map.of("kubernetes.io/metadata.name", "tenantry-system", "tenantry.io/tenant", "evil");

    assertThat(admits(ingress, otherTenant, Map.of("app.kubernetes.io/name", "operator")))
        .isEmpty();
  }

  @Test
  void theOperatorPodSelectorIsConfigurable() {
    OperatorConfig release =
        TestConfig.with(
            Map.of(
                "tenantry.operator.network.operator-pod-selector",
                "app.kubernetes.io/name=operator,app.kubernetes.io/instance=blue"));
    NetworkPolicy ingress = AppIngressPolicy.build(tenant, release.network());

    assertThat(
            admits(
                ingress,
                PLATFORM_NAMESPACE,
                Map.of("app.kubernetes.io/name", "operator", "app.kubernetes.io/instance", "blue")))
        .containsExactly("TCP/8080");
    assertThat(
            admits(
                ingress,
                PLATFORM_NAMESPACE,
                Map.of(
                    "app.kubernetes.io/name", "operator", "app.kubernetes.io/instance", "green")))
        .isEmpty();
  }

  @Test
  void theAppAcceptsHttpFromThePlatformAndTheIngressControllerOnly() {
    NetworkPolicy ingress = AppIngressPolicy.build(tenant, config.network());

    assertThat(ingress.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "tenant-app")
        .containsEntry("tenantry.io/tenant", "acme");
    assertThat(ingress.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getFrom())
                  .extracting(peer -> peer.getNamespaceSelector().getMatchLabels())
                  .containsExactlyInAnyOrder(
                      Map.of("kubernetes.io/metadata.name", "tenantry-system"),
                      Map.of("kubernetes.io/metadata.name", "tenantry-system"),
                      Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
              assertThat(rule.getPorts())
                  .extracting(NetworkIsolationSpecTest::describe)
                  .containsExactly("TCP/8080");
            });
  }

  @Test
  void cloudNativePgModeOpensOnlyTheCnpgOperatorPortsAndNoSharedServerEgress() {
    OperatorConfig cnpg =
        TestConfig.with(Map.of("tenantry.operator.database.mode", "cloudnative-pg"));

    NetworkPolicy policy = CnpgPolicy.build(tenant, cnpg.database().cnpg());
    List<String> egress =
        EgressPolicy.build(tenant, cnpg).getSpec().getEgress().stream()
            .map(NetworkIsolationSpecTest::describe)
            .toList();

    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsExactly(Map.entry("cnpg.io/cluster", "tenant-db"));
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(
                      peer ->
                          assertThat(peer.getNamespaceSelector().getMatchLabels())
                              .containsExactly(
                                  Map.entry("kubernetes.io/metadata.name", "cnpg-system")));
              assertThat(rule.getPorts())
                  .extracting(NetworkIsolationSpecTest::describe)
                  .containsExactly("TCP/8000", "TCP/5432");
            });
    assertThat(egress).noneMatch(rule -> rule.startsWith("tenantry-data"));
  }

  /**
   * The ports on which {@code policy} admits a pod with {@code podLabels} in a namespace with
   * {@code namespaceLabels}, evaluating each peer as the API server does (matchLabels and the
   * Exists/DoesNotExist expressions the policies use).
   */
  private static List<String> admits(
      NetworkPolicy policy, Map<String, String> namespaceLabels, Map<String, String> podLabels) {
    return policy.getSpec().getIngress().stream()
        .filter(
            rule ->
                rule.getFrom().stream()
                    .anyMatch(
                        peer ->
                            matches(peer.getNamespaceSelector(), namespaceLabels)
                                && matches(peer.getPodSelector(), podLabels)))
        .flatMap(rule -> rule.getPorts().stream())
        .map(NetworkIsolationSpecTest::describe)
        .toList();
  }

  private static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    boolean byLabels =
        selector.getMatchLabels() == null
            || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    boolean byExpressions =
        selector.getMatchExpressions() == null
            || selector.getMatchExpressions().stream()
                .allMatch(
                    expression ->
                        switch (expression.getOperator()) {
                          case "Exists" -> labels.containsKey(expression.getKey());
                          case "DoesNotExist" -> !labels.containsKey(expression.getKey());
                          default ->
                              throw new IllegalStateException(
                                  "unexpected operator " + expression.getOperator());
                        });
    return byLabels && byExpressions;
  }

  private NetworkPolicyEgressRule dnsRule(OperatorConfig config) {
    return EgressPolicy.build(tenant, config).getSpec().getEgress().stream()
        .filter(rule -> describe(rule).startsWith("kube-system:"))
        .findFirst()
        .orElseThrow();
  }

  private List<String> internetExcept(OperatorConfig config) {
    return EgressPolicy.build(tenant, config).getSpec().getEgress().stream()
        .flatMap(rule -> rule.getTo().stream())
        .filter(peer -> peer.getIpBlock() != null)
        .findFirst()
        .orElseThrow()
        .getIpBlock()
        .getExcept();
  }

  private List<String> egress(OperatorConfig config) {
    return EgressPolicy.build(tenant, config).getSpec().getEgress().stream()
        .map(NetworkIsolationSpecTest::describe)
        .toList();
  }

  private List<NetworkPolicy> allPolicies(OperatorConfig config) {
    return List.of(
        DefaultDenyPolicy.build(tenant),
        SameNamespacePolicy.build(tenant),
        AppIngressPolicy.build(tenant, config.network()),
        EgressPolicy.build(tenant, config),
        CnpgPolicy.build(tenant, config.database().cnpg()));
  }

  private static Stream<NetworkPolicyPeer> peers(NetworkPolicy policy) {
    Stream<NetworkPolicyPeer> from =
        policy.getSpec().getIngress() == null
            ? Stream.empty()
            : policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream());
    Stream<NetworkPolicyPeer> to =
        policy.getSpec().getEgress() == null
            ? Stream.empty()
            : policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream());
    return Stream.concat(from, to);
  }

  private static String describe(NetworkPolicyEgressRule rule) {
    NetworkPolicyPeer peer = rule.getTo().get(0);
    String where =
        peer.getIpBlock() != null
            ? peer.getIpBlock().getCidr()
            : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    String ports =
        rule.getPorts() == null || rule.getPorts().isEmpty()
            ? "any"
            : String.join(
                ",", rule.getPorts().stream().map(NetworkIsolationSpecTest::describe).toList());
    return where + ":" + ports;
  }

  private static String describe(NetworkPolicyPort port) {
    IntOrString number = port.getPort();
    return port.getProtocol() + "/" + number.getIntVal();
  }
}
