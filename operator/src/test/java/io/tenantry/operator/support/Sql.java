package io.tenantry.operator.support;

import io.tenantry.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Connections to the real test server through the driver directly: DriverManager refuses a driver
 * registered by another class loader, which happens once Quarkus has restarted between classes.
 */
public final class Sql {

  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private Sql() {}

  public static Connection admin() throws SQLException {
    return connect(
        PostgresServer.get().adminUrl(),
        PostgresServer.get().user(),
        PostgresServer.get().password());
  }

  public static Connection connect(String url, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DRIVER.connect(url, properties);
  }

  /** Runs {@code sql} as the admin user in {@code database}. */
  public static void execute(String database, String sql) {
    try (Connection connection =
            connect(
                PostgresServer.get().urlOf(database),
                PostgresServer.get().user(),
                PostgresServer.get().password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql, e);
    }
  }

  public static boolean tableExists(String database, String table) throws SQLException {
    try (Connection connection =
            connect(
                PostgresServer.get().urlOf(database),
                PostgresServer.get().user(),
                PostgresServer.get().password());
        java.sql.PreparedStatement query =
            connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_name = ?")) {
      query.setString(1, table);
      try (java.sql.ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  public static void execute(String sql) {
    try (Connection connection = admin();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql, e);
    }
  }

  /** The pool databases {@code role} owns (created by a pool refill and not yet claimed). */
  public static List<String> poolOf(String role) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = admin();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT datname FROM pg_database WHERE datname LIKE 'tenantry\\_pool\\_%'"
                    + " AND datdba = (SELECT oid FROM pg_roles WHERE rolname = ?)")) {
      query.setString(1, role);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }
}
