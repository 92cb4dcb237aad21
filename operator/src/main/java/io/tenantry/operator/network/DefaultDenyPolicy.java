package io.tenantry.operator.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;

/** Nothing in, nothing out, for every pod: the other policies only ever add exceptions. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class DefaultDenyPolicy extends IsolationDependent<NetworkPolicy> {

  public DefaultDenyPolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant);
  }

  public static NetworkPolicy build(Tenant tenant) {
    return new NetworkPolicyBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.DEFAULT_DENY_POLICY))
        .withNewSpec()
        .withNewPodSelector()
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .endSpec()
        .build();
  }
}
