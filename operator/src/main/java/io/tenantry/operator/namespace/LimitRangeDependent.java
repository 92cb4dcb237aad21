package io.tenantry.operator.namespace;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.config.PlanTier;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.Map;

/** Defaults for containers that do not state resources, so the quota can always be charged. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class LimitRangeDependent extends CRUDKubernetesDependentResource<LimitRange, Tenant> {

  @Inject OperatorConfig config;

  public LimitRangeDependent() {
    super(LimitRange.class);
  }

  @Override
  protected LimitRange desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, Plans.tierOf(tenant, config));
  }

  public static LimitRange build(Tenant tenant, PlanTier tier) {
    return new LimitRangeBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.LIMITS))
        .withNewSpec()
        .addNewLimit()
        .withType("Container")
        .withDefault(
            Map.of(
                "cpu", new Quantity(tier.appCpuLimit()),
                "memory", new Quantity(tier.appMemoryLimit()),
                "ephemeral-storage", new Quantity(tier.appEphemeralStorageLimit())))
        .withDefaultRequest(
            Map.of(
                "cpu", new Quantity(tier.appCpuRequest()),
                "memory", new Quantity(tier.appMemoryRequest()),
                "ephemeral-storage", new Quantity(tier.appEphemeralStorageRequest())))
        .endLimit()
        .endSpec()
        .build();
  }
}
