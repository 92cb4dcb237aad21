package io.tenantry.operator.database;

import io.tenantry.operator.naming.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's admin work on the shared PostgreSQL server: finds, provisions, retains and drops
 * tenant databases and roles. Every provisioning run asserts the whole end state (role, owner, ACL,
 * connection limit), whatever an interrupted earlier run left. Works as a role with CREATEDB and
 * CREATEROLE only: that role makes itself a member of each tenant role, which PostgreSQL requires
 * to create a database owned by it. Plain JDBC on purpose, since there is no application
 * datasource.
 */
@ApplicationScoped
public class PostgresAdmin {

  /** Prefix of the comment that marks a database retained from a deleted Tenant. */
  static final String RETAINED_MARK = "tenantry: retained";

  private final AdminSession session;
  private final DatabasePool pool;

  PostgresAdmin(AdminSession session, DatabasePool pool) {
    this.session = session;
    this.pool = pool;
  }

  /** Tenant database {@code name} as it is now, when it exists. */
  public Optional<TenantDatabase> find(String name) {
    try (Connection connection = session.open()) {
      return facts(connection, name);
    } catch (SQLException e) {
      throw session.failure("look up", name, e);
    }
  }

  /**
   * The owner and effective ACL of tenant {@code slug}'s database, read live from the server; empty
   * when the database does not exist. Read-only: for checks that prove isolation.
   */
  public Optional<DatabaseAcl> acl(String slug) {
    String name = TenantNames.database(slug);
    try (Connection connection = session.open()) {
      return TenantRoleSql.readAcl(connection, name);
    } catch (SQLException e) {
      throw session.failure("read the ACL of", name, e);
    }
  }

  /**
   * Makes role and database {@code name} exist as the tenant needs them: the role logs in with
   * {@code password} and at most {@code connectionLimit} connections, owns the database, and is the
   * only one with any privilege on it. A missing database is claimed from the pool, or created when
   * the pool is empty. Idempotent: a second run over any partial state completes it.
   */
  public TenantDatabase ensure(String name, String password, int connectionLimit) {
    try (Connection connection = session.open()) {
      TenantRoleSql.ensureRole(connection, name, password, connectionLimit);
      // A claimed pool database was secured in the claim's own transaction.
      boolean secured = false;
      if (!TenantRoleSql.databaseExists(connection, name)) {
        secured = claimed(connection, name);
        if (!secured) {
          create(connection, name);
        }
      }
      if (!secured) {
        inTransaction(connection, () -> TenantRoleSql.secure(connection, name));
      }
      return verified(connection, name);
    } catch (SQLException e) {
      throw session.failure("provision", name, e);
    }
  }

  /**
   * {@link #ensure} for a database retained from a deleted Tenant, which this one explicitly takes
   * over; the database's comment records when and by which Tenant.
   */
  public TenantDatabase reattach(String name, String password, int limit, String tenantUid) {
    ensure(name, password, limit);
    try (Connection connection = session.open()) {
      TenantRoleSql.comment(
          connection, name, "tenantry: re-attached " + Instant.now() + " to Tenant " + tenantUid);
      return verified(connection, name);
    } catch (SQLException e) {
      throw session.failure("re-attach", name, e);
    }
  }

  /**
   * Keeps database {@code name} for later but out of use: its role can no longer log in (its
   * password is removed and its sessions end), and the database is marked retained, so that a new
   * Tenant of the same name takes it over only when it asks to.
   */
  public void retain(String name, String tenantUid) {
    try (Connection connection = session.open()) {
      inTransaction(
          connection,
          () -> {
            TenantRoleSql.lockOut(connection, name);
            if (TenantRoleSql.databaseExists(connection, name)) {
              TenantRoleSql.comment(
                  connection,
                  name,
                  RETAINED_MARK + " " + Instant.now() + " from Tenant " + tenantUid);
            }
            return null;
          });
      TenantRoleSql.endSessions(connection, name);
    } catch (SQLException e) {
      throw session.failure("retain", name, e);
    }
  }

  /** Drops database and role {@code name}, disconnecting their sessions; absent ones are fine. */
  public void drop(String name) {
    try (Connection connection = session.open();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + AdminSession.quote(name) + " WITH (FORCE)");
      statement.execute("DROP ROLE IF EXISTS " + AdminSession.quote(name));
    } catch (SQLException e) {
      throw session.failure("drop", name, e);
    }
  }

  /** Of {@code databases}, those PUBLIC (so every tenant role) may connect to. */
  public List<String> openToPublic(List<String> databases) {
    List<String> open = new ArrayList<>();
    String sql =
        "SELECT datname FROM pg_database WHERE datname = ?"
            + " AND has_database_privilege('public', datname, 'CONNECT') AND datallowconn";
    try (Connection connection = session.open();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (String database : databases) {
        query.setString(1, database);
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            open.add(database);
          }
        }
      }
      return open;
    } catch (SQLException e) {
      throw session.failure("check", String.join(", ", databases), e);
    }
  }

  /** True when the admin role is a superuser, which the operator does not need. */
  public boolean adminIsSuperuser() {
    String sql = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user";
    try (Connection connection = session.open();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      return row.next() && row.getBoolean(1);
    } catch (SQLException e) {
      throw session.failure("check", "admin role", e);
    }
  }

  /** {@code host:port} of the shared server. */
  public String server() {
    return session.server();
  }

  /** Closed to connections until secured: an interruption before that leaves it unusable. */
  private static void create(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + AdminSession.quote(name)
              + " OWNER "
              + AdminSession.quote(name)
              + " ALLOW_CONNECTIONS false");
    }
  }

  private boolean claimed(Connection connection, String name) throws SQLException {
    return inTransaction(
        connection, () -> pool.claim(connection, name) && TenantRoleSql.secure(connection, name));
  }

  private TenantDatabase verified(Connection connection, String name) throws SQLException {
    TenantDatabase database = facts(connection, name).orElseThrow();
    if (!database.isolated()) {
      throw new IllegalStateException(
          "database "
              + name
              + " still grants privileges to others than its owner: "
              + TenantRoleSql.readAcl(connection, name).map(DatabaseAcl::grants).orElseThrow());
    }
    return database;
  }

  private static Optional<TenantDatabase> facts(Connection connection, String name)
      throws SQLException {
    Optional<DatabaseAcl> acl = TenantRoleSql.readAcl(connection, name);
    if (acl.isEmpty()) {
      return Optional.empty();
    }
    String sql =
        "SELECT r.rolcanlogin, r.rolconnlimit, shobj_description(d.oid, 'pg_database')"
            + " FROM pg_database d LEFT JOIN pg_roles r ON r.rolname = d.datname"
            + " WHERE d.datname = ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String comment = row.getString(3);
        return Optional.of(
            new TenantDatabase(
                name,
                acl.get().owner(),
                acl.get().isolated() && acl.get().allowConnections(),
                row.getBoolean(1),
                row.getObject(2) == null ? Integer.MIN_VALUE : row.getInt(2),
                comment != null && comment.startsWith(RETAINED_MARK)));
      }
    }
  }

  /** Work that commits as a whole or not at all. */
  private interface TransactionWork<T> {
    T run() throws SQLException;
  }

  private static <T> T inTransaction(Connection connection, TransactionWork<T> work)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
