package io.tenantry.operator.namespace;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.config.PlanTier;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/** The namespace's share of the cluster, sized by the plan's tier. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class ResourceQuotaDependent extends IsolationDependent<ResourceQuota> {

  @Inject OperatorConfig config;

  public ResourceQuotaDependent() {
    super(ResourceQuota.class);
  }

  @Override
  protected ResourceQuota desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, Plans.tierOf(tenant, config));
  }

  public static ResourceQuota build(Tenant tenant, PlanTier tier) {
    Map<String, Quantity> hard = new TreeMap<>();
    hard.put("requests.cpu", new Quantity(tier.requestsCpu()));
    hard.put("requests.memory", new Quantity(tier.requestsMemory()));
    hard.put("limits.cpu", new Quantity(tier.limitsCpu()));
    hard.put("limits.memory", new Quantity(tier.limitsMemory()));
    hard.put("requests.ephemeral-storage", new Quantity(tier.requestsEphemeralStorage()));
    hard.put("limits.ephemeral-storage", new Quantity(tier.limitsEphemeralStorage()));
    hard.put("pods", new Quantity(String.valueOf(tier.pods())));
    hard.put("services", new Quantity(String.valueOf(tier.services())));
    hard.put("services.nodeports", new Quantity("0"));
    hard.put("services.loadbalancers", new Quantity("0"));
    hard.put("secrets", new Quantity(String.valueOf(tier.secrets())));
    hard.put("configmaps", new Quantity(String.valueOf(tier.configmaps())));
    hard.put("persistentvolumeclaims", new Quantity(String.valueOf(tier.pvcs())));
    hard.put("requests.storage", new Quantity(tier.storage()));
    return new ResourceQuotaBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.QUOTA))
        .withNewSpec()
        .withHard(hard)
        .endSpec()
        .build();
  }
}
