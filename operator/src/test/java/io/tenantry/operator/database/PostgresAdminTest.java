package io.tenantry.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant role passwords on the real shared server. The operator runs as an admin role of its own
 * whose sessions hash passwords with md5: a plain password in the SQL would be stored as an md5
 * hash, so a SCRAM verifier in {@code pg_authid} shows it was computed on the client, and only the
 * verifier went over the wire. The server trusts local connections, so {@link Scram} checks which
 * password the verifier belongs to.
 */
@EnableKubernetesMockClient
class PostgresAdminTest {

  static KubernetesClient client;

  private String adminRole;
  private String slug;
  private String database;

  @BeforeEach
  void createMd5AdminRole() {
    slug = Tenants.freshSlug("admin");
    String suffix = slug.replace('-', '_');
    adminRole = "md5_" + suffix;
    database = "tenant_" + suffix;
    Sql.execute("CREATE ROLE \"" + adminRole + "\" LOGIN SUPERUSER");
    Sql.execute("ALTER ROLE \"" + adminRole + "\" SET password_encryption = 'md5'");
  }

  @AfterEach
  void dropRoles() {
    SharedServer.dropTenant(database);
    Sql.execute("DROP ROLE IF EXISTS \"" + adminRole + "\"");
  }

  @Test
  void passwordReachesTheServerOnlyAsAClientComputedScramVerifier() throws Exception {
    String password = DatabaseCredentialsSecret.newPassword();

    admin().ensure(database, password);

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
    admin().ensure(database, oldPassword);

    TenantDatabase again = admin().ensure(database, newPassword);

    assertThat(again).isEqualTo(new TenantDatabase(database, database));
    assertThat(verifierOf(database)).startsWith("SCRAM-SHA-256$");
    assertThat(Scram.passwordMatches(database, newPassword)).isTrue();
    assertThat(Scram.passwordMatches(database, oldPassword)).isFalse();
    assertThat(SharedServer.ownerOf(database)).isEqualTo(database);
  }

  @Test
  void aclOfAProvisionedDatabaseNamesOnlyItsOwner() {
    admin().ensure(database, DatabaseCredentialsSecret.newPassword());

    DatabaseAcl acl = admin().acl(slug).orElseThrow();

    assertThat(acl.owner()).isEqualTo(database);
    assertThat(acl.mayConnect()).containsExactly(database);
    assertThat(acl.isolated()).isTrue();
  }

  @Test
  void aclOfADatabaseWithTheDefaultAclShowsPublicMayConnect() {
    Sql.execute("CREATE ROLE \"" + database + "\"");
    Sql.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + database + "\"");

    DatabaseAcl acl = admin().acl(slug).orElseThrow();

    assertThat(acl.mayConnect()).containsExactlyInAnyOrder(DatabaseAcl.PUBLIC, database);
    assertThat(acl.isolated()).isFalse();
  }

  @Test
  void aclOfAMissingDatabaseIsEmpty() {
    assertThat(admin().acl(slug)).isEmpty();
  }

  private PostgresAdmin admin() {
    OperatorConfig config =
        TestConfig.with(
            Map.of(
                "tenantry.operator.database.shared-server.host", "127.0.0.1",
                "tenantry.operator.database.shared-server.port", "5432",
                "tenantry.operator.database.shared-server.admin-user", adminRole));
    return new PostgresAdmin(config, new AdminPassword(config, client));
  }

  private static String verifierOf(String role) throws Exception {
    return single("SELECT rolpassword FROM pg_authid WHERE rolname = ?", role);
  }

  private static boolean publicMayConnect(String database) throws Exception {
    return Boolean.parseBoolean(
        single("SELECT has_database_privilege('public', ?, 'CONNECT')::text", database));
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
