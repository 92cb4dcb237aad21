package io.tenantry.local.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import io.tenantry.local.LocalKubernetes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting an owner takes what it owns, and deleting a namespace takes what is in it, as the
 * cluster's garbage collector and namespace controller do. Sweeps are run by the test, one at a
 * time (the collector's own schedule is an hour away).
 */
class GarbageCollectorTest {

  @TempDir static Path home;
  static LocalKubernetes kube;
  static KubernetesClient client;
  static GarbageCollector collector;

  @BeforeAll
  static void start() throws Exception {
    kube = LocalKubernetes.start(home);
    client = kube.client();
    collector =
        new GarbageCollector(
            client,
            List.of(c -> c.resources(Tenant.class).list().getItems()),
            List.of(),
            3_600_000);
  }

  @AfterAll
  static void stop() {
    collector.close();
    kube.close();
  }

  @Test
  void aDeletedTenantTakesItsNamespaceAndEverythingInIt() {
    Tenant tenant = client.resource(tenant("gone")).create();
    Namespace namespace = client.resource(namespace("tenant-gone", owner(tenant))).create();
    client.resource(configMap("tenant-gone", "owned", owner(tenant))).create();
    client.resource(configMap("tenant-gone", "unowned", null)).create();
    collector.sweep();

    client.resource(tenant).delete();
    collector.sweep();
    assertThat(client.namespaces().withName(namespace.getMetadata().getName()).get()).isNull();
    collector.sweep();

    assertThat(client.configMaps().inNamespace("tenant-gone").list().getItems()).isEmpty();
  }

  @Test
  void objectsWhoseOwnerExistsAndObjectsWithoutOwnerStay() {
    Tenant tenant = client.resource(tenant("kept")).create();
    client.resource(namespace("tenant-kept", owner(tenant))).create();
    ConfigMap owned = client.resource(configMap("tenant-kept", "owned", owner(tenant))).create();
    client.resource(configMap("tenant-kept", "unowned", null)).create();

    collector.sweep();
    collector.sweep();

    assertThat(client.resource(owned).get()).isNotNull();
    assertThat(client.configMaps().inNamespace("tenant-kept").withName("unowned").get())
        .isNotNull();
    assertThat(client.namespaces().withName("tenant-kept").get()).isNotNull();
  }

  @Test
  void anObjectInANamespaceNeverCreatedStays() {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("platform-key")
                .withNamespace("never-created")
                .endMetadata()
                .build())
        .create();

    collector.sweep();
    collector.sweep();

    assertThat(client.secrets().inNamespace("never-created").withName("platform-key").get())
        .isNotNull();
  }

  static Tenant tenant(String slug) {
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(slug);
    TenantSpec spec = new TenantSpec();
    spec.displayName = slug;
    spec.plan = Plan.FREE;
    tenant.setSpec(spec);
    return tenant;
  }

  static OwnerReference owner(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .build();
  }

  static Namespace namespace(String name, OwnerReference owner) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withOwnerReferences(owner)
        .endMetadata()
        .build();
  }

  static ConfigMap configMap(String namespace, String name, OwnerReference owner) {
    ConfigMapBuilder builder =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata();
    if (owner != null) {
      builder.editMetadata().withOwnerReferences(owner).endMetadata();
    }
    return builder.build();
  }
}
