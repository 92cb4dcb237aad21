package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.database.CnpgCluster;
import io.tenantry.operator.database.CnpgClusterDependent;
import io.tenantry.operator.namespace.LimitRangeDependent;
import io.tenantry.operator.namespace.Plans;
import io.tenantry.operator.namespace.ResourceQuotaDependent;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's share of the cluster comes from its plan's configured tier. */
class QuotaSpecTest {

  private final OperatorConfig config = TestConfig.shipped();

  @Test
  void everyPlanHasAConfiguredTier() {
    for (Plan plan : Plan.values()) {
      assertThat(config.plans()).as(plan.value()).containsKey(plan.value());
    }
  }

  @Test
  void quotaCapsComputeObjectsAndStorageAndForbidsNodePortsAndLoadBalancers() {
    Tenant tenant = Tenants.stored("acme", Plan.PROFESSIONAL);

    Map<String, Quantity> hard =
        ResourceQuotaDependent.build(tenant, Plans.tierOf(tenant, config)).getSpec().getHard();

    assertThat(hard)
        .containsEntry("requests.cpu", new Quantity("2"))
        .containsEntry("requests.memory", new Quantity("4Gi"))
        .containsEntry("limits.cpu", new Quantity("4"))
        .containsEntry("limits.memory", new Quantity("8Gi"))
        .containsEntry("requests.ephemeral-storage", new Quantity("2Gi"))
        .containsEntry("limits.ephemeral-storage", new Quantity("4Gi"))
        .containsEntry("pods", new Quantity("20"))
        .containsEntry("services", new Quantity("10"))
        .containsEntry("secrets", new Quantity("40"))
        .containsEntry("configmaps", new Quantity("40"))
        .containsEntry("persistentvolumeclaims", new Quantity("5"))
        .containsEntry("requests.storage", new Quantity("20Gi"))
        .containsEntry("services.nodeports", new Quantity("0"))
        .containsEntry("services.loadbalancers", new Quantity("0"));
  }

  @Test
  void biggerPlanGetsABiggerQuota() {
    Tenant free = Tenants.stored("acme", Plan.FREE);
    Tenant enterprise = Tenants.stored("acme", Plan.ENTERPRISE);

    Quantity freePods =
        ResourceQuotaDependent.build(free, Plans.tierOf(free, config))
            .getSpec()
            .getHard()
            .get("pods");
    Quantity enterprisePods =
        ResourceQuotaDependent.build(enterprise, Plans.tierOf(enterprise, config))
            .getSpec()
            .getHard()
            .get("pods");

    assertThat(freePods.getNumericalAmount()).isLessThan(enterprisePods.getNumericalAmount());
  }

  @Test
  void containersWithoutResourcesGetThePlansAppDefaults() {
    Tenant tenant = Tenants.stored("acme", Plan.FREE);

    LimitRangeItem limits =
        LimitRangeDependent.build(tenant, Plans.tierOf(tenant, config))
            .getSpec()
            .getLimits()
            .get(0);

    assertThat(limits.getType()).isEqualTo("Container");
    assertThat(limits.getDefault())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("512Mi"))
        .containsEntry("ephemeral-storage", new Quantity("256Mi"));
    assertThat(limits.getDefaultRequest())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("256Mi"))
        .containsEntry("ephemeral-storage", new Quantity("64Mi"));
  }

  @Test
  void cnpgClusterIsSizedByPlanAndOwnedByTheTenantRole() {
    Tenant tenant = Tenants.stored("acme-co", Plan.ENTERPRISE);

    CnpgCluster cluster = CnpgClusterDependent.build(tenant, Plans.tierOf(tenant, config));

    assertThat(cluster.getMetadata().getNamespace()).isEqualTo("tenant-acme-co");
    assertThat(cluster.getSpec().instances).isEqualTo(3);
    assertThat(cluster.getSpec().storage.size).isEqualTo("100Gi");
    assertThat(cluster.getSpec().bootstrap.initdb.database).isEqualTo("tenant_acme_co");
    assertThat(cluster.getSpec().bootstrap.initdb.owner).isEqualTo("tenant_acme_co");
  }
}
