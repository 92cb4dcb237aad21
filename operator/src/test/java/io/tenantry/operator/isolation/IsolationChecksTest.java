package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HostPathVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.app.AppDeployment;
import io.tenantry.operator.app.ServiceAccountDependent;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.namespace.NamespaceDependent;
import io.tenantry.operator.namespace.Plans;
import io.tenantry.operator.namespace.ResourceQuotaDependent;
import io.tenantry.operator.network.AppIngressPolicy;
import io.tenantry.operator.network.DefaultDenyPolicy;
import io.tenantry.operator.network.EgressPolicy;
import io.tenantry.operator.network.SameNamespacePolicy;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each isolation check passes on the stack the operator stamps and fails, alone, when that stack is
 * changed the way the check guards against.
 */
class IsolationChecksTest {

  private final OperatorConfig config = TestConfig.shipped();
  private final Tenant tenant = Tenants.stored("acme", Plan.STARTER);

  private Stack stamped() {
    return new Stack(
        "acme",
        Optional.of(NamespaceDependent.build(tenant)),
        Optional.of(ServiceAccountDependent.build(tenant)),
        Optional.of(AppDeployment.build(tenant, config)),
        Optional.of(ResourceQuotaDependent.build(tenant, Plans.tierOf(tenant, config))),
        new ArrayList<>(
            List.of(
                DefaultDenyPolicy.build(tenant),
                SameNamespacePolicy.build(tenant),
                AppIngressPolicy.build(tenant, config.network()),
                EgressPolicy.build(tenant, config))),
        config.network().clusterCidrs(),
        Optional.of(true));
  }

  @Test
  void theStampedStackPassesEveryCheck() {
    assertThat(IsolationChecks.failing(stamped())).isEmpty();
  }

  @Test
  void aNamespaceWithoutTheRestrictedProfileFails() {
    Stack stack = stamped();
    labels(stack).put("pod-security.kubernetes.io/enforce", "privileged");

    assertThat(IsolationChecks.failing(stack)).containsExactly("pod-security-restricted");
  }

  @Test
  void aRemovedTenantLabelFails() {
    Stack stack = stamped();
    labels(stack).remove("tenantry.io/tenant");

    assertThat(IsolationChecks.failing(stack)).containsExactly("tenant-label");
  }

  @Test
  void anAutomountedTokenFails() {
    Stack stack = stamped();
    stack.serviceAccount().get().setAutomountServiceAccountToken(true);

    assertThat(IsolationChecks.failing(stack)).containsExactly("no-token-automount");
  }

  @Test
  void hostNetworkFails() {
    Stack stack = stamped();
    pod(stack.deployment().get()).setHostNetwork(true);

    assertThat(IsolationChecks.failing(stack)).containsExactly("no-host-namespaces");
  }

  @Test
  void aHostPathVolumeFails() {
    Stack stack = stamped();
    io.fabric8.kubernetes.api.model.PodSpec pod = pod(stack.deployment().get());
    pod.setVolumes(new ArrayList<>(pod.getVolumes()));
    pod.getVolumes()
        .add(
            new VolumeBuilder()
                .withName("node")
                .withHostPath(new HostPathVolumeSourceBuilder().withPath("/").build())
                .build());

    assertThat(IsolationChecks.failing(stack)).containsExactly("no-host-paths");
  }

  @Test
  void aPrivilegedContainerFails() {
    Stack stack = stamped();
    pod(stack.deployment().get()).getContainers().get(0).getSecurityContext().setPrivileged(true);

    assertThat(IsolationChecks.failing(stack)).containsExactly("restricted-containers");
  }

  @Test
  void nodePortsAllowedByTheQuotaFail() {
    Stack stack = stamped();
    hard(stack).put("services.nodeports", new Quantity("3"));

    assertThat(IsolationChecks.failing(stack)).containsExactly("quota");
  }

  @Test
  void aQuotaWithoutObjectCountsFails() {
    Stack stack = stamped();
    hard(stack).remove("secrets");

    assertThat(IsolationChecks.failing(stack)).containsExactly("quota");
  }

  @Test
  void withoutTheDefaultDenyPolicyTheCheckFails() {
    Stack stack = stamped();
    stack.policies().remove(0);

    assertThat(IsolationChecks.failing(stack)).containsExactly("default-deny");
  }

  @Test
  void aPeerThatCanSelectAnotherTenantsNamespaceFails() {
    Stack stack = stamped();
    NetworkPolicy open =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("edited")
            .endMetadata()
            .withNewSpec()
            .addNewIngress()
            .withFrom(
                new NetworkPolicyPeerBuilder()
                    .withNewNamespaceSelector()
                    .withMatchLabels(Map.of("tenantry.io/tenant", "globex"))
                    .endNamespaceSelector()
                    .build())
            .endIngress()
            .endSpec()
            .build();
    stack.policies().add(open);

    assertThat(IsolationChecks.failing(stack)).containsExactly("no-foreign-peer");
  }

  @Test
  void internetEgressReachingTheClusterRangesFails() {
    Stack stack = stamped();
    stack.policies().stream()
        .flatMap(
            p ->
                p.getSpec().getEgress() == null
                    ? java.util.stream.Stream.empty()
                    : p.getSpec().getEgress().stream())
        .flatMap(rule -> rule.getTo().stream())
        .filter(peer -> peer.getIpBlock() != null)
        .forEach(peer -> peer.getIpBlock().setExcept(List.of("169.254.0.0/16")));

    assertThat(IsolationChecks.failing(stack)).containsExactly("no-foreign-peer");
  }

  @Test
  void aDatabaseOpenToOtherRolesFails() {
    Stack base = stamped();
    Stack stack =
        new Stack(
            base.slug(),
            base.namespace(),
            base.serviceAccount(),
            base.deployment(),
            base.quota(),
            base.policies(),
            base.clusterCidrs(),
            Optional.of(false));

    assertThat(IsolationChecks.failing(stack)).containsExactly("database-acl");
  }

  @Test
  void aStackNotReadBackYetFailsTheChecksItCannotProve() {
    Stack empty =
        new Stack(
            "acme",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            config.network().clusterCidrs(),
            Optional.empty());

    assertThat(IsolationChecks.failing(empty))
        .containsExactly(
            "pod-security-restricted",
            "tenant-label",
            "no-token-automount",
            "no-host-namespaces",
            "no-host-paths",
            "restricted-containers",
            "quota",
            "default-deny");
  }

  private static Map<String, Quantity> hard(Stack stack) {
    var spec = stack.quota().get().getSpec();
    spec.setHard(new java.util.TreeMap<>(spec.getHard()));
    return spec.getHard();
  }

  private static Map<String, String> labels(Stack stack) {
    var metadata = stack.namespace().get().getMetadata();
    metadata.setLabels(new java.util.HashMap<>(metadata.getLabels()));
    return metadata.getLabels();
  }

  private static io.fabric8.kubernetes.api.model.PodSpec pod(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec();
  }
}
