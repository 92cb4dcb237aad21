package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.database.CnpgCluster;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In cloudnative-pg mode the tenant gets a CNPG Cluster instead of a shared-server database. */
@QuarkusTest
@TestProfile(CloudNativePgModeTest.CnpgMode.class)
@WithKubernetesTestServer(crud = true)
class CloudNativePgModeTest {
  @KubernetesTestServer KubernetesServer server;

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  /** Selects the CloudNativePG database mode. */
  public static class CnpgMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tenantry.operator.database.mode", "cloudnative-pg");
    }
  }

  @Inject @Tester KubernetesClient client;

  @Test
  void tenantGetsACnpgClusterAndItsPolicyButNoSharedServerDatabase() {
    String slug = Tenants.freshSlug("cnpg");
    String ns = "tenant-" + slug;
    client.resource(Tenants.tenant(slug, Plan.PROFESSIONAL)).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.resources(CnpgCluster.class).inNamespace(ns).withName("tenant-db").get()
                    != null);
    CnpgCluster cluster =
        client.resources(CnpgCluster.class).inNamespace(ns).withName("tenant-db").get();
    Tenant owner = client.resources(Tenant.class).withName(slug).get();

    assertThat(cluster.getSpec().instances).isEqualTo(2);
    assertThat(cluster.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                        .resources(NetworkPolicy.class)
                        .inNamespace(ns)
                        .withName("allow-cnpg-operator")
                        .get()
                    != null);
    assertThat(client.resources(Secret.class).inNamespace(ns).withName("tenant-db").get()).isNull();
    assertThat(SharedServer.roleExists("tenant_" + slug.replace('-', '_'))).isFalse();
  }

  @Test
  void theSharedServerCredentialsLeftOutDoNotCountAgainstTheStack() {
    // the credentials Secret is gated by a reconcile precondition that never holds in this mode:
    // skipping it must leave isolation and the database reported ready
    String slug = Tenants.freshSlug("cnpg-ready");
    client.resource(Tenants.tenant(slug, Plan.FREE)).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                conditionIs(slug, "NetworkIsolated", "True")
                    && conditionIs(slug, "DatabaseReady", "True"));
  }

  @Test
  void deletingWithRetainKeepsTheClustersVolumesAndDeleteLeavesThemToTheStorageClass() {
    String kept = Tenants.freshSlug("cnpg-kept");
    Tenant gone = Tenants.tenant(Tenants.freshSlug("cnpg-gone"), Plan.FREE);
    gone.getSpec().deletionPolicy = DeletionPolicy.Delete;
    client.resource(Tenants.tenant(kept, Plan.FREE)).create();
    client.resource(gone).create();
    for (String slug : new String[] {kept, gone.slug()}) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> conditionIs(slug, "DatabaseReady", "True"));
      // what CNPG and the volume provisioner would have made
      bindVolume(slug);
    }
    String keptUid = client.resources(Tenant.class).withName(kept).get().getMetadata().getUid();

    client.resources(Tenant.class).withName(kept).delete();
    client.resources(Tenant.class).withName(gone.slug()).delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.resources(Tenant.class).withName(kept).get() == null
                    && client.resources(Tenant.class).withName(gone.slug()).get() == null);
    PersistentVolume retained = client.persistentVolumes().withName("pv-" + kept).get();
    assertThat(retained.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
    assertThat(retained.getMetadata().getLabels())
        .containsEntry("tenantry.io/retained-tenant", kept);
    assertThat(retained.getMetadata().getAnnotations())
        .containsEntry("tenantry.io/retained-from-uid", keptUid);
    assertThat(
            client
                .persistentVolumes()
                .withName("pv-" + gone.slug())
                .get()
                .getSpec()
                .getPersistentVolumeReclaimPolicy())
        .isEqualTo("Delete");
  }

  private void bindVolume(String slug) {
    client
        .resource(
            new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("pv-" + slug)
                .endMetadata()
                .withNewSpec()
                .withPersistentVolumeReclaimPolicy("Delete")
                .addToCapacity("storage", new Quantity("1Gi"))
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("tenant-db-1")
                .withNamespace("tenant-" + slug)
                .addToLabels("cnpg.io/cluster", "tenant-db")
                .endMetadata()
                .withNewSpec()
                .withVolumeName("pv-" + slug)
                .endSpec()
                .build())
        .create();
  }

  private boolean conditionIs(String slug, String type, String status) {
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    return stored != null
        && stored.getStatus() != null
        && stored.getStatus().conditions.stream()
            .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()));
  }
}
