package io.tenantry.operator.support;

import io.tenantry.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What exists on the real shared PostgreSQL server. */
public final class SharedServer {

  private SharedServer() {}

  public static boolean databaseExists(String name) {
    return exists("SELECT 1 FROM pg_database WHERE datname = ?", name);
  }

  public static boolean roleExists(String name) {
    return exists("SELECT 1 FROM pg_roles WHERE rolname = ?", name);
  }

  public static String ownerOf(String database) {
    return single(
        "SELECT r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba"
            + " WHERE d.datname = ?",
        database);
  }

  /** {@code pg_database.datacl} as text, e.g. {@code {tenant_a=CTc/tenant_a}}; null when NULL. */
  public static String aclOf(String database) {
    return single("SELECT datacl::text FROM pg_database WHERE datname = ?", database);
  }

  /** {@code rolcanlogin} of the role, as text ({@code true}/{@code false}); null when absent. */
  public static String canLogIn(String role) {
    return single("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = ?", role);
  }

  /** {@code rolconnlimit} of the role, as text; null when absent. */
  public static String connectionLimitOf(String role) {
    return single("SELECT rolconnlimit::text FROM pg_roles WHERE rolname = ?", role);
  }

  /** The OID of database {@code name}, which a rename keeps; null when absent. */
  public static String oidOf(String database) {
    return single("SELECT oid::text FROM pg_database WHERE datname = ?", database);
  }

  /** Connects to {@code database} as {@code role}; throws when the server refuses. */
  public static void connectAs(String role, String password, String database) throws SQLException {
    try (Connection connection =
        Sql.connect(PostgresServer.get().urlOf(database), role, password)) {
      connection.createStatement().execute("SELECT 1");
    }
  }

  /** Removes a test's admin role and the pool databases it still owns. */
  public static void dropAdminRole(String role) throws SQLException {
    for (String pooled : Sql.poolOf(role)) {
      PostgresServer.get().dropDatabase(pooled);
    }
    Sql.execute("DROP ROLE IF EXISTS \"" + role + "\"");
  }

  /** Removes what a test left on the shared server. */
  public static void dropTenant(String name) {
    Sql.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    Sql.execute("DROP ROLE IF EXISTS \"" + name + "\"");
  }

  private static boolean exists(String sql, String name) {
    return single(sql, name) != null;
  }

  private static String single(String sql, String name) {
    try (Connection connection = Sql.admin();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
