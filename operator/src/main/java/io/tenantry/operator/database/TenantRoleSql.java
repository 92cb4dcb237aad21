package io.tenantry.operator.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;

/** The statements behind {@link PostgresAdmin}, one step of a tenant's database each. */
final class TenantRoleSql {

  // pgjdbc matches the encryption type case-sensitively against the server's spelling.
  private static final String SCRAM = "scram-sha-256";

  // ALTER ROLE may not name SUPERUSER, REPLICATION or BYPASSRLS unless a superuser runs it, even
  // to say NO; a role created without them cannot have gained them from a CREATEROLE admin.
  private static final String CREATE_OPTIONS =
      " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT ";
  private static final String ALTER_OPTIONS = " LOGIN NOCREATEDB NOCREATEROLE CONNECTION LIMIT ";

  private TenantRoleSql() {}

  /**
   * The role logs in with {@code password} and at most {@code limit} connections, and the admin
   * role is a member of it: PostgreSQL lets only members create, own-transfer or drop a database
   * owned by another role, and a CREATEROLE role may grant itself membership in roles it manages.
   */
  static void ensureRole(Connection connection, String role, String password, int limit)
      throws SQLException {
    String quoted = AdminSession.quote(role);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)
              ? "ALTER ROLE " + quoted + ALTER_OPTIONS + limit
              : "CREATE ROLE " + quoted + CREATE_OPTIONS + limit);
      if (!exists(connection, "SELECT 1 WHERE pg_has_role(current_user, ?, 'USAGE')", role)) {
        statement.execute("GRANT " + quoted + " TO CURRENT_USER");
      }
    }
    setPassword(connection, role, password);
  }

  /**
   * The database belongs to the role of its name, which holds the owner's privileges, nobody else
   * (PUBLIC included) holds any, and connections are allowed. Runs in the caller's transaction, so
   * the database opens only together with its ACL.
   */
  static boolean secure(Connection connection, String name) throws SQLException {
    String database = AdminSession.quote(name);
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + database + " OWNER TO " + database);
      statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
      for (String grantee : otherGrantees(connection, name)) {
        statement.execute(
            "REVOKE ALL ON DATABASE " + database + " FROM " + AdminSession.quote(grantee));
      }
      statement.execute("GRANT ALL ON DATABASE " + database + " TO " + database);
      statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }
    return true;
  }

  /** The role can no longer log in, and its password is gone. */
  static void lockOut(Connection connection, String role) throws SQLException {
    if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER ROLE " + AdminSession.quote(role) + " NOLOGIN PASSWORD NULL");
      }
    }
  }

  /** Ends the sessions the role still has open (NOLOGIN only stops new ones). */
  static void endSessions(Connection connection, String role) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?")) {
      query.setString(1, role);
      query.execute();
    }
  }

  static void comment(Connection connection, String database, String text) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "COMMENT ON DATABASE "
              + AdminSession.quote(database)
              + " IS '"
              + text.replace("'", "''")
              + "'");
    }
  }

  static boolean databaseExists(Connection connection, String name) throws SQLException {
    return exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name);
  }

  /** Owner and effective ACL of database {@code name}; empty when it does not exist. */
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

  private static List<String> otherGrantees(Connection connection, String name)
      throws SQLException {
    return readAcl(connection, name).orElseThrow().grants().stream()
        .map(DatabaseAcl.Grant::grantee)
        .filter(grantee -> !grantee.equals(name) && !grantee.equals(DatabaseAcl.PUBLIC))
        .distinct()
        .toList();
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
}
