package io.tenantry.operator.database;

import io.quarkus.runtime.ShutdownEvent;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens the operator's admin sessions on the shared server, keeps a few open for reuse ({@link
 * IdleSessions}), and sorts their failures: a server that does not answer, or refuses the
 * credential, is {@link DatabaseUnreachableException}.
 */
@ApplicationScoped
public class AdminSession {

  // The driver itself rather than DriverManager, whose registry is per JVM and refuses a driver
  // loaded by another class loader (as after a Quarkus restart in tests or dev mode).
  private static final Driver DRIVER = new org.postgresql.Driver();

  private final OperatorConfig.SharedServer server;
  private final AdminPassword adminPassword;
  private final IdleSessions idle;

  AdminSession(OperatorConfig config, AdminPassword adminPassword) {
    this.server = config.database().sharedServer();
    this.adminPassword = adminPassword;
    this.idle =
        new IdleSessions(
            server.idleAdminSessions(), server.adminSessionMaxAge(), server.connectTimeout());
  }

  /**
   * A session on the maintenance database, in auto-commit, reused when one is idle; the caller
   * closes it, which keeps it for the next caller.
   */
  Connection open() throws SQLException {
    return idle.take(this::connect);
  }

  /**
   * A session of its own, closed for good when the caller closes it: for work that holds a
   * session-level lock, which a session kept for reuse could otherwise carry on to its next user.
   */
  Connection openUnshared() throws SQLException {
    return connect();
  }

  /** Admin sessions open and idle right now. */
  int idleSessions() {
    return idle.idle();
  }

  void closeIdle(@Observes ShutdownEvent event) {
    idle.clear();
  }

  private Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.adminDatabase();
    Connection connection = DRIVER.connect(url, connectionProperties());
    if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
      // The server ends a session left idle, e.g. when the operator stops using the shared server
      // or an idle session is never taken again; IdleSessions then finds it invalid.
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "SET idle_session_timeout = " + server.adminSessionIdleTimeout().toMillis());
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
  }

  /** How the admin session logs in: the admin user with the current admin password, if any. */
  Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", server.adminUser());
    String password = adminPassword.get();
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty(
        "connectTimeout", String.valueOf(Math.max(1, server.connectTimeout().toSeconds())));
    properties.setProperty("ApplicationName", "tenantry-operator");
    return properties;
  }

  /** {@code host:port} of the server, for messages. */
  String server() {
    return server.host() + ":" + server.port();
  }

  /**
   * {@code e}, met while trying to {@code action} database {@code name}, as the right exception.
   */
  RuntimeException failure(String action, String name, SQLException e) {
    String state = e.getSQLState();
    if (state != null
        && (state.startsWith("08") || state.startsWith("57P") || state.equals("28P01"))) {
      // 08: no connection; 57P: the server is shutting down or starting; 28P01: a rotated admin
      // password shows up as an authentication failure, so it is read again next time.
      adminPassword.forget();
      idle.clear();
      return new DatabaseUnreachableException("cannot reach database server " + server(), e);
    }
    return new IllegalStateException("could not " + action + " database " + name, e);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
