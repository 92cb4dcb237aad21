package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;

/** Pods of the tenant talk to each other freely, and only to each other. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class SameNamespacePolicy extends IsolationDependent<NetworkPolicy> {

  public SameNamespacePolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant);
  }

  public static NetworkPolicy build(Tenant tenant) {
    return new NetworkPolicyBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.SAME_NAMESPACE_POLICY))
        .withNewSpec()
        .withNewPodSelector()
        .endPodSelector()
        .addNewIngress()
        .withFrom(Peers.ownNamespace())
        .endIngress()
        .addNewEgress()
        .withTo(Peers.ownNamespace())
        .endEgress()
        .withPolicyTypes("Ingress", "Egress")
        .endSpec()
        .build();
  }
}
