package io.tenantry.operator.database;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.naming.TenantNames;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code Retain} in cloudnative-pg mode. The CNPG Cluster and its PersistentVolumeClaims live in
 * the tenant namespace, which goes with the Tenant; what keeps the data is the PersistentVolume
 * behind each claim, provided its reclaim policy is Retain (StorageClasses usually say Delete).
 * Before the Tenant goes, the operator sets that policy on each of the cluster's volumes and labels
 * them with the tenant, so they survive as Released volumes that an SRE can restore from
 * (docs/operations.md). A new Tenant of the same name always gets a new, empty cluster: retained
 * volumes are never attached to it by the operator.
 */
public final class CnpgVolumes {

  private static final Logger LOG = Logger.getLogger(CnpgVolumes.class);

  private CnpgVolumes() {}

  /** Marks every bound volume of the tenant's CNPG cluster Retain; returns their names. */
  public static List<String> retain(Tenant tenant, KubernetesClient client) {
    List<String> volumes =
        client
            .persistentVolumeClaims()
            .inNamespace(TenantNames.namespace(tenant))
            .withLabel(TenantNames.CNPG_CLUSTER_LABEL, TenantNames.CNPG_CLUSTER)
            .list()
            .getItems()
            .stream()
            .map(PersistentVolumeClaim::getSpec)
            .map(spec -> spec.getVolumeName())
            .filter(name -> name != null && !name.isEmpty())
            .toList();
    String now = Instant.now().toString();
    for (String volume : volumes) {
      client.persistentVolumes().withName(volume).edit(pv -> retained(pv, tenant, now));
      LOG.infof("Tenant %s: volume %s kept (reclaim policy Retain)", tenant.slug(), volume);
    }
    return volumes;
  }

  private static PersistentVolume retained(PersistentVolume pv, Tenant tenant, String now) {
    pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
    pv.getMetadata().getLabels().put(TenantNames.RETAINED_TENANT_LABEL, tenant.slug());
    pv.getMetadata()
        .getAnnotations()
        .put(TenantNames.RETAINED_FROM_UID_ANNOTATION, tenant.getMetadata().getUid());
    pv.getMetadata().getAnnotations().putIfAbsent(TenantNames.RETAINED_AT_ANNOTATION, now);
    return pv;
  }
}
