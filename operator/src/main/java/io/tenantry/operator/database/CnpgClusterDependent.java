package io.tenantry.operator.database;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.config.PlanTier;
import io.tenantry.operator.namespace.Plans;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;

/**
 * A CloudNativePG {@code Cluster} in the tenant namespace ({@code cloudnative-pg} mode). CNPG
 * creates the {@code tenant-db-app} Secret the tenant app reads.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class CnpgClusterDependent extends CRUDKubernetesDependentResource<CnpgCluster, Tenant> {

  @Inject OperatorConfig config;

  public CnpgClusterDependent() {
    super(CnpgCluster.class);
  }

  @Override
  protected CnpgCluster desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, Plans.tierOf(tenant, config));
  }

  public static CnpgCluster build(Tenant tenant, PlanTier tier) {
    String database = TenantNames.database(tenant);
    CnpgCluster cluster = new CnpgCluster();
    cluster.setMetadata(TenantNames.metadata(tenant, TenantNames.CNPG_CLUSTER));
    CnpgCluster.Spec spec = new CnpgCluster.Spec();
    spec.instances = tier.cnpgInstances();
    spec.storage = new CnpgCluster.Storage();
    spec.storage.size = tier.cnpgStorage();
    spec.bootstrap = new CnpgCluster.Bootstrap();
    spec.bootstrap.initdb = new CnpgCluster.InitDb();
    spec.bootstrap.initdb.database = database;
    spec.bootstrap.initdb.owner = database;
    cluster.setSpec(spec);
    return cluster;
  }
}
