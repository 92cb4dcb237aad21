package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkiverse.operatorsdk.runtime.QuarkusConfigurationService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator really stops half-way through provisioning (its database step keeps failing because
 * the admin credential is missing) and a new operator instance, built from the same reconciler and
 * configuration against the same API server, takes over.
 */
@QuarkusTest
@TestProfile(OperatorRestartTest.Restartable.class)
@WithKubernetesTestServer(crud = true)
class OperatorRestartTest {

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  /** Stopping the first operator must leave the shared Kubernetes client open for the second. */
  public static class Restartable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.operator-sdk.close-client-on-stop", "false");
    }
  }

  private static final Duration PROVISIONING = Duration.ofSeconds(30);

  @Inject @Tester KubernetesClient client;
  @KubernetesTestServer KubernetesServer server;
  @Inject Operator operator;
  @Inject QuarkusConfigurationService configuration;
  @Inject TenantReconciler reconciler;

  private Operator restarted;
  private String database;

  @AfterEach
  void stopAndClean() {
    if (restarted != null) {
      restarted.stop();
    }
    SharedServer.dropTenant(database);
  }

  @Test
  void operatorStoppedMidProvisioningAndStartedAgainConvergesWithoutDuplicates() throws Exception {
    String slug = Tenants.freshSlug("restart");
    String ns = "tenant-" + slug;
    database = "tenant_" + slug.replace('-', '_');
    // No admin credential yet: the database step fails while everything else gets built.
    client.secrets().inNamespace("tenantry-system").withName("db-admin").delete();
    client.resource(Tenants.tenant(slug, Plan.FREE)).create();

    await()
        .atMost(PROVISIONING)
        .until(
            () ->
                client.namespaces().withName(ns).get() != null
                    && credentials(ns) != null
                    && "False".equals(databaseReady(slug)));
    String password = Cluster.decode(credentials(ns).getData().get("password"));
    operator.stop();
    assertThat(SharedServer.databaseExists(database)).as("stopped before the database").isFalse();

    new Cluster(client, server).ensureAdminSecret();
    restarted = new Operator(configuration);
    restarted.register(reconciler);
    restarted.start();

    await().atMost(PROVISIONING).until(() -> "True".equals(databaseReady(slug)));
    assertThat(SharedServer.databaseExists(database)).isTrue();
    assertThat(SharedServer.ownerOf(database)).isEqualTo(database);
    assertThat(Cluster.decode(credentials(ns).getData().get("password"))).isEqualTo(password);
    assertThat(Scram.passwordMatches(database, password)).isTrue();
    assertThat(client.namespaces().withLabel("tenantry.io/tenant", slug).list().getItems())
        .hasSize(1);
    assertThat(client.secrets().inNamespace(ns).list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .containsExactlyInAnyOrder("tenant-db", "tenant-signing-key", "tenant-admin");
    assertThat(client.resources(NetworkPolicy.class).inNamespace(ns).list().getItems()).hasSize(4);
    assertThat(client.resources(Deployment.class).inNamespace(ns).list().getItems()).hasSize(1);
  }

  private Secret credentials(String ns) {
    return client.secrets().inNamespace(ns).withName("tenant-db").get();
  }

  private String databaseReady(String slug) {
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    if (stored == null || stored.getStatus() == null) {
      return null;
    }
    return stored.getStatus().conditions.stream()
        .filter(c -> "DatabaseReady".equals(c.getType()))
        .map(Condition::getStatus)
        .findFirst()
        .orElse(null);
  }
}
