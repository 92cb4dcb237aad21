package io.tenantry.operator.database;

import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * The operator's admin session on the shared PostgreSQL server: creates, finds and drops tenant
 * databases and roles. Plain JDBC on purpose, since there is no application datasource.
 */
@ApplicationScoped
public class PostgresAdmin {

  // The driver itself rather than DriverManager, whose registry is per JVM and refuses a driver
  // loaded by another class loader (as after a Quarkus restart in tests or dev mode).
  private static final Driver DRIVER = new org.postgresql.Driver();

  // pgjdbc matches the encryption type case-sensitively against the server's spelling.
  private static final String SCRAM = "scram-sha-256";

  private final OperatorConfig.SharedServer server;
  private final AdminPassword adminPassword;

  PostgresAdmin(OperatorConfig config, AdminPassword adminPassword) {
    this.server = config.database().sharedServer();
    this.adminPassword = adminPassword;
  }

  /** The tenant database called {@code name}, when both it and its role exist. */
  public Optional<TenantDatabase> find(String name) {
    String sql =
        "SELECT d.datname, r.rolname FROM pg_database d"
            + " JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ?";
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(new TenantDatabase(row.getString(1), row.getString(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("look up", name, e);
    }
  }

  /**
   * The owner and effective ACL of tenant {@code slug}'s database, read live from the server; empty
   * when the database does not exist. Read-only: for checks that prove isolation.
   */
  public Optional<DatabaseAcl> acl(String slug) {
    String name = TenantNames.database(slug);
    try (Connection connection = connect()) {
      return readAcl(connection, name);
    } catch (SQLException e) {
      throw failure("read the ACL of", name, e);
    }
  }

  static Optional<DatabaseAcl> readAcl(Connection connection, String name) throws SQLException {
    String sql =
        "SELECT pg_get_userbyid(d.datdba), d.datallowconn,"
            + " CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,"
            + " a.privilege_type"
            + " FROM pg_database d LEFT JOIN LATERAL"
            + " aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a ON true"
            + " WHERE d.datname = ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        String owner = null;
        boolean allowConnections = false;
        List<DatabaseAcl.Grant> grants = new ArrayList<>();
        while (row.next()) {
          owner = row.getString(1);
          allowConnections = row.getBoolean(2);
          if (row.getString(3) != null) {
            grants.add(new DatabaseAcl.Grant(row.getString(3), row.getString(4)));
          }
        }
        return owner == null
            ? Optional.empty()
            : Optional.of(new DatabaseAcl(name, owner, allowConnections, grants));
      }
    }
  }

  /**
   * Makes role and database {@code name} exist with {@code password}, whatever a previous,
   * interrupted attempt left behind; only the role and nobody else may connect.
   */
  public TenantDatabase ensure(String name, String password) {
    String role = quote(name);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE";
      statement.execute(
          exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)
              ? "ALTER ROLE " + role + options
              : "CREATE ROLE " + role + options);
      setPassword(connection, name, password);
      if (exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
        statement.execute("ALTER DATABASE " + role + " OWNER TO " + role);
      } else {
        statement.execute("CREATE DATABASE " + role + " OWNER " + role);
      }
      statement.execute("REVOKE ALL ON DATABASE " + role + " FROM PUBLIC");
      return new TenantDatabase(name, name);
    } catch (SQLException e) {
      throw failure("create", name, e);
    }
  }

  /** Drops database and role {@code name}, disconnecting their sessions; absent ones are fine. */
  public void drop(String name) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
      statement.execute("DROP ROLE IF EXISTS " + quote(name));
    } catch (SQLException e) {
      throw failure("drop", name, e);
    }
  }

  Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.adminDatabase();
    return DRIVER.connect(url, connectionProperties());
  }

  /** How the admin session logs in: the admin user with the current admin password. */
  Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", server.adminUser());
    properties.setProperty("password", adminPassword.get());
    properties.setProperty(
        "connectTimeout", String.valueOf(Math.max(1, server.connectTimeout().toSeconds())));
    properties.setProperty("ApplicationName", "tenantry-operator");
    return properties;
  }

  /**
   * Sends a SCRAM verifier computed here instead of the password: statement text can reach the
   * server's log, error contexts and pg_stat_statements, and the server would hash a plain password
   * with whatever {@code password_encryption} the admin session has.
   */
  private static void setPassword(Connection connection, String role, String password)
      throws SQLException {
    char[] secret = password.toCharArray();
    try {
      connection.unwrap(PGConnection.class).alterUserPassword(role, secret, SCRAM);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static boolean exists(Connection connection, String sql, String name)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private RuntimeException failure(String action, String name, SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.equals("28P01"))) {
      // A rotated admin password shows up as an authentication failure: read it again next time.
      adminPassword.forget();
      return new DatabaseUnreachableException(
          "cannot reach database server " + server.host() + ":" + server.port(), e);
    }
    return new IllegalStateException("could not " + action + " database " + name, e);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
