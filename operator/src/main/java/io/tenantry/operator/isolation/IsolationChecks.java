package io.tenantry.operator.isolation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.tenantry.operator.naming.TenantNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The isolation rules a tenant's stack must meet as the API server holds it, one named check each
 * (docs/architecture.md, "Isolation checks", maps them to the multi-tenancy benchmark). Pure: it
 * reads a {@link Stack} and says which checks fail.
 */
public final class IsolationChecks {

  /** One rule, by the name the IsolationVerified condition and the metrics use. */
  public enum Check {
    POD_SECURITY_RESTRICTED("pod-security-restricted", IsolationChecks::podSecurityRestricted),
    TENANT_LABEL("tenant-label", IsolationChecks::tenantLabel),
    NO_TOKEN_AUTOMOUNT("no-token-automount", IsolationChecks::noTokenAutomount),
    NO_HOST_NAMESPACES("no-host-namespaces", IsolationChecks::noHostNamespaces),
    NO_HOST_PATHS("no-host-paths", IsolationChecks::noHostPaths),
    RESTRICTED_CONTAINERS("restricted-containers", IsolationChecks::restrictedContainers),
    QUOTA("quota", IsolationChecks::quota),
    DEFAULT_DENY("default-deny", IsolationChecks::defaultDeny),
    NO_FOREIGN_PEER("no-foreign-peer", IsolationChecks::noForeignPeer),
    DATABASE_ACL("database-acl", IsolationChecks::databaseAcl);

    private final String id;
    private final Predicate<Stack> passes;

    Check(String id, Predicate<Stack> passes) {
      this.id = id;
      this.passes = passes;
    }

    public String id() {
      return id;
    }
  }

  /** Object counts the quota must cap, besides NodePorts and LoadBalancers at zero. */
  static final List<String> COUNTED =
      List.of("pods", "services", "secrets", "configmaps", "persistentvolumeclaims");

  private IsolationChecks() {}

  /** The ids of the checks {@code stack} fails, in a stable order; empty when isolated. */
  public static List<String> failing(Stack stack) {
    List<String> failing = new ArrayList<>();
    for (Check check : Check.values()) {
      if (!check.passes.test(stack)) {
        failing.add(check.id());
      }
    }
    return failing;
  }

  private static boolean podSecurityRestricted(Stack stack) {
    Map<String, String> labels = labels(stack);
    return "restricted".equals(labels.get("pod-security.kubernetes.io/enforce"));
  }

  private static boolean tenantLabel(Stack stack) {
    Map<String, String> labels = labels(stack);
    return stack.slug().equals(labels.get(TenantNames.TENANT_LABEL));
  }

  private static boolean noTokenAutomount(Stack stack) {
    boolean account =
        stack.serviceAccount().isPresent()
            && Boolean.FALSE.equals(stack.serviceAccount().get().getAutomountServiceAccountToken());
    return account
        && pod(stack)
            .map(p -> Boolean.FALSE.equals(p.getAutomountServiceAccountToken()))
            .orElse(false);
  }

  private static boolean noHostNamespaces(Stack stack) {
    return pod(stack)
        .map(
            p ->
                !Boolean.TRUE.equals(p.getHostNetwork())
                    && !Boolean.TRUE.equals(p.getHostPID())
                    && !Boolean.TRUE.equals(p.getHostIPC())
                    && containers(p)
                        .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
                        .allMatch(port -> port.getHostPort() == null || port.getHostPort() == 0))
        .orElse(false);
  }

  private static boolean noHostPaths(Stack stack) {
    return pod(stack)
        .map(
            p ->
                p.getVolumes() == null
                    || p.getVolumes().stream().allMatch(v -> v.getHostPath() == null))
        .orElse(false);
  }

  private static boolean restrictedContainers(Stack stack) {
    return pod(stack).map(p -> containers(p).allMatch(IsolationChecks::restricted)).orElse(false);
  }

  private static boolean restricted(Container container) {
    SecurityContext security = container.getSecurityContext();
    return security != null
        && !Boolean.TRUE.equals(security.getPrivileged())
        && Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
        && Boolean.TRUE.equals(security.getRunAsNonRoot())
        && security.getCapabilities() != null
        && Objects.requireNonNullElse(security.getCapabilities().getDrop(), List.of())
            .contains("ALL")
        && Objects.requireNonNullElse(security.getCapabilities().getAdd(), List.of()).isEmpty();
  }

  private static boolean quota(Stack stack) {
    Map<String, Quantity> hard = stack.quota().map(q -> q.getSpec().getHard()).orElse(Map.of());
    return Stream.concat(
                COUNTED.stream(),
                Stream.of("limits.cpu", "limits.memory", "limits.ephemeral-storage"))
            .allMatch(hard::containsKey)
        && zero(hard.get("services.nodeports"))
        && zero(hard.get("services.loadbalancers"));
  }

  private static boolean zero(Quantity quantity) {
    return quantity != null && quantity.getNumericalAmount().signum() == 0;
  }

  private static boolean defaultDeny(Stack stack) {
    return stack.policies().stream()
        .map(NetworkPolicy::getSpec)
        .anyMatch(
            spec ->
                selectsEveryPod(spec.getPodSelector())
                    && spec.getPolicyTypes() != null
                    && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && empty(spec.getIngress())
                    && empty(spec.getEgress()));
  }

  /**
   * Every peer names the tenant's own namespace, a namespace that is no tenant's (the selector
   * requires the tenant label to be absent), or addresses outside the cluster's ranges.
   */
  private static boolean noForeignPeer(Stack stack) {
    return stack.policies().stream()
        .map(NetworkPolicy::getSpec)
        .flatMap(IsolationChecks::peers)
        .allMatch(peer -> ownOrNonTenant(peer, stack));
  }

  private static boolean ownOrNonTenant(NetworkPolicyPeer peer, Stack stack) {
    if (peer.getIpBlock() != null) {
      List<String> except = Objects.requireNonNullElse(peer.getIpBlock().getExcept(), List.of());
      return except.containsAll(stack.clusterCidrs());
    }
    LabelSelector namespaces = peer.getNamespaceSelector();
    if (namespaces == null) {
      return true;
    }
    String own = "tenant-" + stack.slug();
    Map<String, String> match = Objects.requireNonNullElse(namespaces.getMatchLabels(), Map.of());
    List<LabelSelectorRequirement> expressions =
        Objects.requireNonNullElse(namespaces.getMatchExpressions(), List.of());
    return own.equals(match.get(TenantNames.NAMESPACE_NAME_LABEL))
        || expressions.stream()
            .anyMatch(
                e ->
                    TenantNames.TENANT_LABEL.equals(e.getKey())
                        && "DoesNotExist".equals(e.getOperator()));
  }

  private static boolean databaseAcl(Stack stack) {
    return stack.databaseIsolated().orElse(true);
  }

  private static Stream<NetworkPolicyPeer> peers(NetworkPolicySpec spec) {
    Stream<NetworkPolicyPeer> from =
        Objects.requireNonNullElse(
                spec.getIngress(),
                List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of())
            .stream()
            .flatMap(
                rule ->
                    Objects.requireNonNullElse(rule.getFrom(), List.<NetworkPolicyPeer>of())
                        .stream());
    Stream<NetworkPolicyPeer> to =
        Objects.requireNonNullElse(
                spec.getEgress(),
                List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of())
            .stream()
            .flatMap(
                rule ->
                    Objects.requireNonNullElse(rule.getTo(), List.<NetworkPolicyPeer>of())
                        .stream());
    return Stream.concat(from, to);
  }

  private static boolean selectsEveryPod(LabelSelector selector) {
    return selector == null
        || (empty(selector.getMatchLabels()) && empty(selector.getMatchExpressions()));
  }

  private static boolean empty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private static Map<String, String> labels(Stack stack) {
    return stack.namespace().map(n -> n.getMetadata().getLabels()).orElse(Map.of());
  }

  private static Optional<PodSpec> pod(Stack stack) {
    return stack.deployment().map(d -> d.getSpec().getTemplate().getSpec());
  }

  private static Stream<Container> containers(PodSpec pod) {
    return Stream.concat(
        Objects.requireNonNullElse(pod.getInitContainers(), List.<Container>of()).stream(),
        Objects.requireNonNullElse(pod.getContainers(), List.<Container>of()).stream());
  }
}
