package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.TenantMetrics;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Tenants;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared server refuses connections (nothing listens on its port). */
@QuarkusTest
@TestProfile(DatabaseUnreachableTest.ServerDown.class)
@WithKubernetesTestServer(crud = true)
class DatabaseUnreachableTest {

  /** Points the operator at a port where no PostgreSQL listens. */
  public static class ServerDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "tenantry.operator.database.shared-server.port", "1",
          "tenantry.operator.database.shared-server.connect-timeout", "1s");
    }
  }

  @Inject KubernetesClient client;
  @Inject TenantMetrics metrics;
  @KubernetesTestServer KubernetesServer server;

  @Test
  void unreachableServerShowsDatabaseUnreachableAndKeepsRetrying() {
    new Cluster(client, server).ensureAdminSecret();
    String slug = Tenants.freshSlug("down");
    client.resource(Tenants.tenant(slug, Plan.FREE)).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> databaseCondition(slug) != null && phase(slug) == Phase.Degraded);
    Condition database = databaseCondition(slug);
    assertThat(database.getStatus()).isEqualTo("False");
    assertThat(database.getReason()).isEqualTo("DatabaseUnreachable");
    assertThat(database.getMessage()).contains("cannot reach database server");
    assertThat(client.namespaces().withName("tenant-" + slug).get())
        .as("the rest of the stack is still built")
        .isNotNull();

    await().atMost(Duration.ofSeconds(30)).until(() -> metrics.errors(slug) >= 3);
  }

  private Condition databaseCondition(String slug) {
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    if (stored.getStatus() == null) {
      return null;
    }
    return stored.getStatus().conditions.stream()
        .filter(c -> "DatabaseReady".equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private Phase phase(String slug) {
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    return stored.getStatus() == null ? null : stored.getStatus().phase;
  }
}
