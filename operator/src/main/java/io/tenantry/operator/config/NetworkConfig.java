package io.tenantry.operator.config;

import io.smallrye.config.WithDefault;
import java.util.List;

/** Peers of the tenant network policies ({@code tenantry.operator.network.*}). */
public interface NetworkConfig {
  /** Labels (k=v,k=v) of the platform namespace: it may call the app and be called by it. */
  @WithDefault("kubernetes.io/metadata.name=tenantry-system")
  String platformNamespaceSelector();

  /**
   * Labels (k=v,k=v) of the control plane's pods in the platform namespace: the only platform pods
   * that may call the app, and the only ones the app may call.
   */
  @WithDefault("app.kubernetes.io/name=control-plane")
  String platformPodSelector();

  /**
   * Labels (k=v,k=v) of the operator's own pods in the platform namespace: they may call the app on
   * its HTTP port, because rollout soak reads each tenant app's metrics ({@code
   * rollout.signals-url}) and would otherwise judge health on readiness alone.
   */
  @WithDefault("app.kubernetes.io/name=operator")
  String operatorPodSelector();

  /** Port of the platform API tenant apps may call. */
  @WithDefault("8080")
  int platformApiPort();

  /** Labels (k=v,k=v) of the ingress controller's namespace. */
  @WithDefault("kubernetes.io/metadata.name=ingress-nginx")
  String ingressNamespaceSelector();

  /**
   * Labels (k=v,k=v) of the ingress controller's pods: other pods of its namespace (admission
   * webhooks, default backends) never reach the app.
   */
  @WithDefault("app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller")
  String ingressPodSelector();

  /** Namespace of services every tenant may use (mail relay, object storage gateway …). */
  @WithDefault("tenantry-shared")
  String sharedServicesNamespace();

  /** Ports of the shared services namespace tenants may use; nothing else there is reachable. */
  @WithDefault("443,587")
  List<Integer> sharedServicesPorts();

  /** Namespace of the cluster DNS. */
  @WithDefault("kube-system")
  String dnsNamespace();

  /**
   * Labels (k=v,k=v) of the cluster DNS pods: tenants reach these, not every pod of the DNS
   * namespace (which holds the cluster's most privileged workloads).
   */
  @WithDefault("k8s-app=kube-dns")
  String dnsPodSelector();

  /** Port of the cluster DNS. */
  @WithDefault("53")
  int dnsPort();

  /** Pod and service CIDRs, excluded from internet egress so it cannot reach other tenants. */
  @WithDefault("10.42.0.0/16,10.43.0.0/16")
  List<String> clusterCidrs();

  /**
   * Node and other private ranges, also excluded from internet egress (with link-local
   * 169.254.0.0/16, always excluded: cloud metadata endpoints live there).
   */
  @WithDefault("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10")
  List<String> privateCidrs();
}
