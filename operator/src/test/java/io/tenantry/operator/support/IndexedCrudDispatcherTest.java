package io.tenantry.operator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's faster mock server still answers lookups by name exactly as Fabric8's does. */
class IndexedCrudDispatcherTest {

  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new IndexedCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void theSameNameInAnotherNamespaceIsAnotherObject() {
    client.resource(configMap("a", "settings", "one")).create();
    client.resource(configMap("b", "settings", "two")).create();

    assertThat(client.configMaps().inNamespace("a").withName("settings").get().getData())
        .containsEntry("value", "one");
    assertThat(client.configMaps().inNamespace("b").withName("settings").get().getData())
        .containsEntry("value", "two");
  }

  @Test
  void creatingAnExistingObjectConflicts() {
    client.resource(configMap("a", "settings", "one")).create();

    assertThatThrownBy(() -> client.resource(configMap("a", "settings", "again")).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void aClusterScopedObjectIsFoundByNameAlone() {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName("a").endMetadata().build())
        .create();

    assertThatThrownBy(
            () ->
                client
                    .resource(
                        new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("a")
                            .endMetadata()
                            .build())
                    .create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void patchFindsTheObjectInItsNamespace() {
    client.resource(configMap("a", "settings", "one")).create();
    client.resource(configMap("b", "settings", "two")).create();

    client
        .configMaps()
        .inNamespace("b")
        .withName("settings")
        .edit(map -> new ConfigMapBuilder(map).withData(Map.of("value", "three")).build());

    assertThat(client.configMaps().inNamespace("a").withName("settings").get().getData())
        .containsEntry("value", "one");
    assertThat(client.configMaps().inNamespace("b").withName("settings").get().getData())
        .containsEntry("value", "three");
  }

  @Test
  void aDeletedObjectCanBeCreatedAgain() {
    client.resource(configMap("a", "settings", "one")).create();
    client.resource(configMap("a", "settings", "one")).delete();

    client.resource(configMap("a", "settings", "two")).create();

    assertThat(client.configMaps().inNamespace("a").withName("settings").get().getData())
        .containsEntry("value", "two");
  }

  @Test
  void anObjectPatchedTwiceIsStillFoundOnce() {
    client.resource(configMap("a", "settings", "one")).create();
    for (String value : new String[] {"two", "three"}) {
      client
          .configMaps()
          .inNamespace("a")
          .withName("settings")
          .edit(map -> new ConfigMapBuilder(map).withData(Map.of("value", value)).build());
    }

    assertThat(client.configMaps().inNamespace("a").list().getItems()).hasSize(1);
    assertThatThrownBy(() -> client.resource(configMap("a", "settings", "again")).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void aDeletedObjectIsNotFoundByName() {
    client.resource(configMap("a", "settings", "one")).create();
    client.resource(configMap("a", "settings", "one")).delete();

    assertThat(client.configMaps().inNamespace("a").withName("settings").get()).isNull();
    assertThat(client.configMaps().inNamespace("b").withName("absent").get()).isNull();
  }

  @Test
  void listsAndLabelSelectionsStillSeeEveryMatchingObject() {
    client.resource(configMap("a", "one", "1")).create();
    client.resource(configMap("a", "two", "2")).create();
    client.resource(configMap("b", "one", "3")).create();

    assertThat(client.configMaps().inNamespace("a").list().getItems()).hasSize(2);
    assertThat(client.configMaps().inAnyNamespace().list().getItems()).hasSize(3);
  }

  private static ConfigMap configMap(String namespace, String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withData(Map.of("value", value))
        .build();
  }
}
