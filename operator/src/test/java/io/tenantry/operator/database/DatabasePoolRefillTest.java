package io.tenantry.operator.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool is topped up once claims pause, not during a burst of them, unless it runs low: then at
 * once. On the real server, as an admin role with CREATEDB and CREATEROLE.
 */
@EnableKubernetesMockClient
class DatabasePoolRefillTest {

  private static final Duration SOON = Duration.ofSeconds(30);

  static KubernetesClient client;

  private String adminRole;
  private final List<String> tenants = new ArrayList<>();
  private DatabasePool pool;
  private AdminSession session;

  @BeforeEach
  void createAdminRole() {
    adminRole = "refill_" + Tenants.freshSlug("admin").replace('-', '_');
    Sql.execute("CREATE ROLE \"" + adminRole + "\" LOGIN CREATEDB CREATEROLE");
  }

  @AfterEach
  void dropEverything() throws SQLException {
    pool.stop(null);
    session.closeIdle(null);
    tenants.forEach(SharedServer::dropTenant);
    SharedServer.dropAdminRole(adminRole);
  }

  @Test
  void claimsInQuickSuccessionAreServedFromThePoolAndItIsToppedUpAfterwards() throws Exception {
    PostgresAdmin admin = startedPool(4, Duration.ofSeconds(10));

    provision(admin, "a");
    provision(admin, "b");

    assertThat(Sql.poolOf(adminRole)).as("not topped up while claims go on").hasSize(2);
    await().atMost(SOON).until(() -> Sql.poolOf(adminRole).size() == 4);
  }

  @Test
  void aPoolRunningLowIsToppedUpAtOnce() throws Exception {
    PostgresAdmin admin = startedPool(4, Duration.ofHours(1));

    for (String name : List.of("a", "b", "c", "d")) {
      provision(admin, name);
    }

    await().atMost(SOON).until(() -> Sql.poolOf(adminRole).size() == 4);
  }

  private PostgresAdmin startedPool(int size, Duration refillDelay) throws SQLException {
    OperatorConfig config =
        TestConfig.sharedServerAs(
            adminRole,
            Map.of(
                "pool.size",
                String.valueOf(size),
                // often: a refill loses to one of another operator holding the refill lock
                "pool.check-period",
                "2s",
                "pool.refill-delay",
                refillDelay.toSeconds() + "s"));
    session = new AdminSession(config, new AdminPassword(config, client));
    pool = new DatabasePool(config, session);
    pool.start();
    await().atMost(SOON).until(() -> Sql.poolOf(adminRole).size() == size);
    return new PostgresAdmin(session, pool);
  }

  private void provision(PostgresAdmin admin, String suffix) {
    String name = "tenant_" + adminRole + "_" + suffix;
    tenants.add(name);
    assertThat(admin.ensure(name, DatabaseCredentialsSecret.newPassword(), 5).isolated()).isTrue();
  }
}
