package io.tenantry.operator.database;

import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the operator's admin sessions on the shared server and sorts their failures: a server that
 * does not answer, or refuses the credential, is {@link DatabaseUnreachableException}.
 */
@ApplicationScoped
public class AdminSession {

  // The driver itself rather than DriverManager, whose registry is per JVM and refuses a driver
  // loaded by another class loader (as after a Quarkus restart in tests or dev mode).
  private static final Driver DRIVER = new org.postgresql.Driver();

  private final OperatorConfig.SharedServer server;
  private final AdminPassword adminPassword;

  AdminSession(OperatorConfig config, AdminPassword adminPassword) {
    this.server = config.database().sharedServer();
    this.adminPassword = adminPassword;
  }

  /** A new session on the maintenance database; the caller closes it. */
  Connection open() throws SQLException {
    String url =
        "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.adminDatabase();
    return DRIVER.connect(url, connectionProperties());
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
      return new DatabaseUnreachableException("cannot reach database server " + server(), e);
    }
    return new IllegalStateException("could not " + action + " database " + name, e);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
