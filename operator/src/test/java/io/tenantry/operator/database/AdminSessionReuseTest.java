package io.tenantry.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admin sessions are kept open between database steps on the real server, and handed out again only
 * while they are good to use: still alive on the server and back in auto-commit.
 */
@EnableKubernetesMockClient
class AdminSessionReuseTest {

  static KubernetesClient client;

  private String adminRole;
  private AdminSession session;

  @BeforeEach
  void createAdminRole() {
    adminRole = "reuse_" + Tenants.freshSlug("admin").replace('-', '_');
    Sql.execute("CREATE ROLE \"" + adminRole + "\" LOGIN CREATEDB CREATEROLE");
    OperatorConfig config =
        TestConfig.sharedServerAs(adminRole, Map.of("idle-admin-sessions", "2"));
    session = new AdminSession(config, new AdminPassword(config, client));
  }

  @AfterEach
  void dropAdminRole() {
    session.closeIdle(null);
    Sql.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
            + adminRole
            + "'");
    Sql.execute("DROP ROLE IF EXISTS \"" + adminRole + "\"");
  }

  @Test
  void aClosedSessionIsTheNextOneHandedOut() throws SQLException {
    int first = backendOfNextSession();

    assertThat(backendOfNextSession()).isEqualTo(first);
    assertThat(session.idleSessions()).isEqualTo(1);
  }

  @Test
  void aSessionTheServerEndedIsReplaced() throws SQLException {
    int first = backendOfNextSession();
    Sql.execute("SELECT pg_terminate_backend(" + first + ")");

    assertThat(backendOfNextSession()).isNotEqualTo(first);
  }

  @Test
  void aSessionClosedInsideATransactionIsNotReused() throws SQLException {
    int first;
    try (Connection connection = session.open()) {
      connection.setAutoCommit(false);
      first = backend(connection);
    }

    assertThat(session.idleSessions()).isZero();
    assertThat(backendOfNextSession()).isNotEqualTo(first);
  }

  @Test
  void closingTwiceKeepsItOnceAndOnlyUpToTheLimit() throws SQLException {
    Connection a = session.open();
    Connection b = session.open();
    Connection c = session.open();
    a.close();
    a.close();
    b.close();
    c.close();

    assertThat(a.isClosed()).isTrue();
    assertThat(session.idleSessions()).isEqualTo(2);
  }

  @Test
  void theServerEndsAnIdleSessionByItself() throws SQLException {
    try (Connection connection = session.open();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW idle_session_timeout")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo("10s");
    }
  }

  private int backendOfNextSession() throws SQLException {
    try (Connection connection = session.open()) {
      return backend(connection);
    }
  }

  private static int backend(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }
}
