package io.tenantry.operator.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import io.tenantry.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's admin work on the real shared server, done as an admin role like the chart's: with
 * CREATEDB and CREATEROLE, no superuser. Its sessions hash passwords with md5: a plain password in
 * the SQL would be stored as an md5 hash, so a SCRAM verifier in {@code pg_authid} shows it was
 * computed on the client. The server trusts local connections (so the admin logs in with {@code
 * admin-auth=trust} here), and {@link Scram} checks which password a verifier belongs to.
 */
@EnableKubernetesMockClient
class PostgresAdminTest {

  static KubernetesClient client;

  private String adminRole;
  private String slug;
  private String database;
  private final List<String> databases = new ArrayList<>();

  @BeforeEach
  void createAdminRole() {
    slug = Tenants.freshSlug("admin");
    String suffix = slug.replace('-', '_');
    adminRole = "md5_" + suffix;
    database = tenantDatabase("tenant_" + suffix);
    Sql.execute("CREATE ROLE \"" + adminRole + "\" LOGIN CREATEDB CREATEROLE");
    Sql.execute("ALTER ROLE \"" + adminRole + "\" SET password_encryption = 'md5'");
  }

  @AfterEach
  void dropRoles() throws SQLException {
    databases.forEach(SharedServer::dropTenant);
    SharedServer.dropAdminRole(adminRole);
  }

  @Test
  void passwordReachesTheServerOnlyAsAClientComputedScramVerifier() throws Exception {
    String password = DatabaseCredentialsSecret.newPassword();

    admin(0).ensure(database, password, 10);

    assertThat(verifierOf(database)).startsWith("SCRAM-SHA-256$");
    assertThat(Scram.passwordMatches(database, password)).isTrue();
    SharedServer.connectAs(database, password, database);
    assertThat(SharedServer.ownerOf(database)).isEqualTo(database);
    assertThat(publicMayConnect(database)).isFalse();
  }

  @Test
  void rerunWithANewPasswordReplacesTheOldOne() throws Exception {
    String oldPassword = DatabaseCredentialsSecret.newPassword();
    String newPassword = DatabaseCredentialsSecret.newPassword();
    admin(0).ensure(database, oldPassword, 10);

    TenantDatabase again = admin(0).ensure(database, newPassword, 10);

    assertThat(again).isEqualTo(TenantDatabase.desired(database, 10));
    assertThat(verifierOf(database)).startsWith("SCRAM-SHA-256$");
    assertThat(Scram.passwordMatches(database, newPassword)).isTrue();
    assertThat(Scram.passwordMatches(database, oldPassword)).isFalse();
  }

  @Test
  void aDatabaseCreatedButNeverSecuredIsSecuredByTheNextRun() {
    // What an operator killed between CREATE DATABASE and REVOKE left behind, under the old code.
    Sql.execute("CREATE ROLE \"" + database + "\" LOGIN");
    Sql.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + database + "\"");
    String other = tenantDatabase("tenant_other_" + slug.replace('-', '_'));
    Sql.execute("CREATE ROLE \"" + other + "\" LOGIN");
    Sql.execute("GRANT CONNECT ON DATABASE \"" + database + "\" TO \"" + other + "\"");
    assertThat(admin(0).find(database).orElseThrow().isolated()).isFalse();

    admin(0).ensure(database, DatabaseCredentialsSecret.newPassword(), 10);

    DatabaseAcl acl = admin(0).acl(slug).orElseThrow();
    assertThat(acl.mayConnect()).containsExactly(database);
    assertThat(acl.isolated()).isTrue();
    assertThat(acl.allowConnections()).isTrue();
  }

  @Test
  void aclOfAProvisionedDatabaseNamesOnlyItsOwner() {
    admin(0).ensure(database, DatabaseCredentialsSecret.newPassword(), 10);

    DatabaseAcl acl = admin(0).acl(slug).orElseThrow();

    assertThat(acl.owner()).isEqualTo(database);
    assertThat(acl.mayConnect()).containsExactly(database);
    assertThat(acl.isolated()).isTrue();
  }

  @Test
  void aclOfADatabaseWithTheDefaultAclShowsPublicMayConnect() {
    Sql.execute("CREATE ROLE \"" + database + "\"");
    Sql.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + database + "\"");

    DatabaseAcl acl = admin(0).acl(slug).orElseThrow();

    assertThat(acl.mayConnect()).containsExactlyInAnyOrder(DatabaseAcl.PUBLIC, database);
    assertThat(acl.isolated()).isFalse();
  }

  @Test
  void aclOfAMissingDatabaseIsEmpty() {
    assertThat(admin(0).acl(slug)).isEmpty();
  }

  @Test
  void theRoleGetsTheConnectionLimitItWasGiven() throws Exception {
    admin(0).ensure(database, DatabaseCredentialsSecret.newPassword(), 7);
    assertThat(admin(0).find(database).orElseThrow().connectionLimit()).isEqualTo(7);

    admin(0).ensure(database, DatabaseCredentialsSecret.newPassword(), 12);

    assertThat(connectionLimitOf(database)).isEqualTo("12");
  }

  @Test
  void aPooledDatabaseIsClaimedByRenameAndSecuredLikeANewOne() throws Exception {
    PostgresAdmin admin = admin(2);
    pool(2).refill();
    List<String> pooled = Sql.poolOf(adminRole);
    assertThat(pooled).hasSize(2);
    assertThat(allowsConnections(pooled.get(0))).as("closed while pooled").isFalse();

    String password = DatabaseCredentialsSecret.newPassword();
    admin.ensure(database, password, 10);

    assertThat(Sql.poolOf(adminRole)).hasSize(1).isSubsetOf(pooled);
    DatabaseAcl acl = admin.acl(slug).orElseThrow();
    assertThat(acl.owner()).isEqualTo(database);
    assertThat(acl.isolated()).isTrue();
    assertThat(acl.allowConnections()).isTrue();
    SharedServer.connectAs(database, password, database);
  }

  @Test
  void concurrentProvisioningNeverClaimsOnePooledDatabaseTwice() throws Exception {
    int tenants = 4;
    pool(tenants).refill();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      names.add(tenantDatabase(database + "_" + i));
    }
    ExecutorService threads = Executors.newFixedThreadPool(tenants);
    try {
      List<Future<TenantDatabase>> results = new ArrayList<>();
      for (String name : names) {
        // each thread with an admin of its own: as two operator replicas would be
        results.add(
            threads.submit(
                () -> admin(tenants).ensure(name, DatabaseCredentialsSecret.newPassword(), 5)));
      }
      for (Future<TenantDatabase> result : results) {
        assertThat(result.get().isolated()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(Sql.poolOf(adminRole)).isEmpty();
    for (String name : names) {
      assertThat(SharedServer.ownerOf(name)).isEqualTo(name);
    }
  }

  @Test
  void aRetainedRoleCannotLogInAndItsDatabaseIsMarkedRetained() throws Exception {
    String password = DatabaseCredentialsSecret.newPassword();
    admin(0).ensure(database, password, 10);

    admin(0).retain(database, "uid-1");

    TenantDatabase retained = admin(0).find(database).orElseThrow();
    assertThat(retained.retained()).isTrue();
    assertThat(retained.login()).isFalse();
    assertThat(verifierOf(database)).as("the password is gone").isNull();
    assertThatThrownBy(() -> SharedServer.connectAs(database, password, database))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("not permitted to log in");
  }

  @Test
  void reattachingARetainedDatabaseLetsTheNewPasswordInAndRecordsIt() throws Exception {
    admin(0).ensure(database, DatabaseCredentialsSecret.newPassword(), 10);
    admin(0).retain(database, "uid-1");
    String password = DatabaseCredentialsSecret.newPassword();

    TenantDatabase reattached = admin(0).reattach(database, password, 10, "uid-2");

    assertThat(reattached).isEqualTo(TenantDatabase.desired(database, 10));
    SharedServer.connectAs(database, password, database);
    assertThat(commentOf(database)).startsWith("tenantry: re-attached").endsWith("uid-2");
  }

  @Test
  void maintenanceDatabasesOpenToPublicAreReported() {
    String open = PostgresServer.get().createDatabase("maint_open");
    String closed = PostgresServer.get().createDatabase("maint_closed");
    try {
      Sql.execute("REVOKE CONNECT ON DATABASE " + closed + " FROM PUBLIC");

      assertThat(admin(0).openToPublic(List.of(open, closed, "no_such_database")))
          .containsExactly(open);
    } finally {
      PostgresServer.get().dropDatabase(open);
      PostgresServer.get().dropDatabase(closed);
    }
  }

  @Test
  void theAdminRoleOfTheseTestsIsNoSuperuser() {
    assertThat(admin(0).adminIsSuperuser()).isFalse();
  }

  private String tenantDatabase(String name) {
    databases.add(name);
    return name;
  }

  private OperatorConfig config(int poolSize) {
    return TestConfig.sharedServerAs(adminRole, Map.of("pool.size", String.valueOf(poolSize)));
  }

  private AdminSession session(OperatorConfig config) {
    return new AdminSession(config, new AdminPassword(config, client));
  }

  private DatabasePool pool(int size) {
    OperatorConfig config = config(size);
    return new DatabasePool(config, session(config));
  }

  private PostgresAdmin admin(int poolSize) {
    OperatorConfig config = config(poolSize);
    AdminSession session = session(config);
    return new PostgresAdmin(session, new DatabasePool(config, session));
  }

  private static String verifierOf(String role) throws Exception {
    return single("SELECT rolpassword FROM pg_authid WHERE rolname = ?", role);
  }

  private static String connectionLimitOf(String role) throws Exception {
    return single("SELECT rolconnlimit::text FROM pg_roles WHERE rolname = ?", role);
  }

  private static String commentOf(String database) throws Exception {
    return single(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?",
        database);
  }

  private static boolean publicMayConnect(String database) throws Exception {
    return Boolean.parseBoolean(
        single("SELECT has_database_privilege('public', ?, 'CONNECT')::text", database));
  }

  private static boolean allowsConnections(String database) throws Exception {
    return Boolean.parseBoolean(
        single("SELECT datallowconn::text FROM pg_database WHERE datname = ?", database));
  }

  private static String single(String sql, String parameter) throws Exception {
    try (Connection connection = Sql.admin();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
