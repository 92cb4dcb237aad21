package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
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
import io.tenantry.operator.database.SharedServerStartup;
import io.tenantry.operator.metrics.TenantMetrics;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.OwnPostgres;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant database server is a PostgreSQL of this test's own, installed as docs/operations.md
 * says, which the test stops and starts: conditions say why a tenant is not ready while it is down,
 * and the tenant becomes Ready again without anyone's help once it is back.
 */
@QuarkusTest
@TestProfile(DatabaseServerOutageTest.OwnServer.class)
@WithKubernetesTestServer(crud = true)
class DatabaseServerOutageTest {

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  /** Points the operator at the test's own server, polled often so an outage shows soon. */
  public static class OwnServer implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "tenantry.operator.database.shared-server.port",
          String.valueOf(OwnPostgres.reservedPort()),
          "tenantry.operator.database.shared-server.connect-timeout",
          "1s",
          "tenantry.operator.database.shared-server.poll-period",
          "1s");
    }
  }

  private static final Duration SOON = Duration.ofSeconds(30);

  @Inject @Tester KubernetesClient client;
  @Inject TenantMetrics metrics;
  @Inject SharedServerStartup startup;
  @KubernetesTestServer KubernetesServer server;

  private Cluster cluster;

  @BeforeEach
  void adminCredential() {
    cluster = new Cluster(client, server);
    cluster.ensureAdminSecret();
    OwnPostgres.get().start();
  }

  @AfterEach
  void serverRunsForTheNextTest() {
    OwnPostgres.get().start();
  }

  @Test
  void serverStoppedAndStartedShowsTheUnreachableServerThenReadyAgain() {
    Tenant tenant = Tenants.tenant(Tenants.freshSlug("outage"), Plan.FREE);
    client.resource(tenant).create();
    await().atMost(SOON).until(() -> "True".equals(status(tenant, "DatabaseReady")));
    cluster.markAppAvailable(tenant, 1);
    await().atMost(SOON).until(() -> phase(tenant) == Phase.Ready);

    OwnPostgres.get().stop();

    await().atMost(SOON).until(() -> "False".equals(status(tenant, "DatabaseReady")));
    Condition down = condition(tenant, "DatabaseReady");
    assertThat(down.getReason()).isEqualTo("DatabaseUnreachable");
    assertThat(down.getMessage())
        .isEqualTo("cannot reach database server 127.0.0.1:" + OwnPostgres.get().port());
    assertThat(phase(tenant)).isEqualTo(Phase.Degraded);

    OwnPostgres.get().start();

    await().atMost(SOON).until(() -> phase(tenant) == Phase.Ready);
    assertThat(condition(tenant, "DatabaseReady").getReason()).isEqualTo("DatabaseProvisioned");
  }

  @Test
  void serverDownFromTheStartShowsDatabaseUnreachableAndKeepsRetrying() {
    OwnPostgres.get().stop();
    Tenant tenant = Tenants.tenant(Tenants.freshSlug("down"), Plan.FREE);
    client.resource(tenant).create();

    await().atMost(SOON).until(() -> "DatabaseUnreachable".equals(reason(tenant, "DatabaseReady")));
    assertThat(phase(tenant)).isEqualTo(Phase.Degraded);
    assertThat(client.namespaces().withName("tenant-" + tenant.slug()).get())
        .as("the rest of the stack is still built")
        .isNotNull();
    await().atMost(SOON).until(() -> metrics.errors(tenant.slug()) >= 3);

    OwnPostgres.get().start();

    await().atMost(SOON).until(() -> "True".equals(status(tenant, "DatabaseReady")));
  }

  @Test
  void aTenantsCredentialsReachNeitherAnotherTenantsDatabaseNorTheMaintenanceDatabases()
      throws Exception {
    Tenant a = Tenants.tenant(Tenants.freshSlug("own-a"), Plan.FREE);
    Tenant b = Tenants.tenant(Tenants.freshSlug("own-b"), Plan.FREE);
    client.resource(a).create();
    client.resource(b).create();
    await()
        .atMost(SOON)
        .until(
            () ->
                "True".equals(status(a, "DatabaseReady"))
                    && "True".equals(status(b, "DatabaseReady")));
    String roleOfA = "tenant_" + a.slug().replace('-', '_');
    String passwordOfA = password(a);

    connectAs(roleOfA, passwordOfA, roleOfA);
    for (String other :
        new String[] {"tenant_" + b.slug().replace('-', '_'), "postgres", "template1"}) {
      assertThatThrownBy(() -> connectAs(roleOfA, passwordOfA, other))
          .as(other)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied for database \"" + other + "\"");
    }
    startup.checkServer();
    assertThat(startup.openMaintenanceDatabases())
        .as("the start-up check finds postgres and template1 closed")
        .isZero();
  }

  private static void connectAs(String role, String password, String database) throws SQLException {
    try (Connection connection = Sql.connect(OwnPostgres.get().urlOf(database), role, password)) {
      connection.createStatement().execute("SELECT 1");
    }
  }

  private String password(Tenant tenant) {
    Secret secret =
        client.secrets().inNamespace("tenant-" + tenant.slug()).withName("tenant-db").get();
    return Cluster.decode(secret.getData().get("password"));
  }

  private Phase phase(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored.getStatus() == null ? null : stored.getStatus().phase;
  }

  private String status(Tenant tenant, String type) {
    Condition condition = condition(tenant, type);
    return condition == null ? null : condition.getStatus();
  }

  private String reason(Tenant tenant, String type) {
    Condition condition = condition(tenant, type);
    return condition == null ? null : condition.getReason();
  }

  private Condition condition(Tenant tenant, String type) {
    return Tenants.condition(client, tenant.slug(), type);
  }
}
