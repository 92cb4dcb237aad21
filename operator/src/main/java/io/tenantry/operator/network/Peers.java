package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.tenantry.operator.naming.TenantNames;
import java.util.Map;
import java.util.TreeMap;

/**
 * Peers of the tenant network policies. Every namespace peer also requires the namespace to carry
 * no {@code tenantry.io/tenant} label, so even a careless selector in the configuration can never
 * open a path to another tenant's namespace.
 */
public final class Peers {

  private Peers() {}

  /** Namespaces matching {@code selector} ({@code k=v,k=v}) that are not tenant namespaces. */
  public static NetworkPolicyPeer namespaces(String selector) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(notATenant(labels(selector)))
        .build();
  }

  /**
   * Pods matching {@code podSelector} ({@code k=v,k=v}) in namespaces matching {@code
   * namespaceSelector}: both must match, so no other pod of those namespaces is a peer.
   */
  public static NetworkPolicyPeer pods(String namespaceSelector, String podSelector) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(notATenant(labels(namespaceSelector)))
        .withNewPodSelector()
        .withMatchLabels(labels(podSelector))
        .endPodSelector()
        .build();
  }

  /** Pods matching {@code podSelector} in the namespace called {@code name} (not a tenant's). */
  public static NetworkPolicyPeer podsIn(String name, String podSelector) {
    return pods(TenantNames.NAMESPACE_NAME_LABEL + "=" + name, podSelector);
  }

  /** The namespace called {@code name}, unless it is a tenant namespace. */
  public static NetworkPolicyPeer namespace(String name) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(notATenant(Map.of(TenantNames.NAMESPACE_NAME_LABEL, name)))
        .build();
  }

  /** All pods of the policy's own namespace (a pod selector without a namespace selector). */
  public static NetworkPolicyPeer ownNamespace() {
    return new NetworkPolicyPeerBuilder().withNewPodSelector().endPodSelector().build();
  }

  public static NetworkPolicyPort tcp(int port) {
    return port("TCP", port);
  }

  public static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .build();
  }

  static LabelSelector notATenant(Map<String, String> matchLabels) {
    return new LabelSelectorBuilder()
        .withMatchLabels(matchLabels)
        .addNewMatchExpression()
        .withKey(TenantNames.TENANT_LABEL)
        .withOperator("DoesNotExist")
        .endMatchExpression()
        .build();
  }

  static Map<String, String> labels(String selector) {
    Map<String, String> labels = new TreeMap<>();
    for (String pair : selector.split(",")) {
      String[] keyValue = pair.trim().split("=", 2);
      if (keyValue.length != 2 || keyValue[0].isBlank()) {
        throw new IllegalArgumentException("selector must be k=v[,k=v]; got '" + selector + "'");
      }
      labels.put(keyValue[0].trim(), keyValue[1].trim());
    }
    return labels;
  }
}
