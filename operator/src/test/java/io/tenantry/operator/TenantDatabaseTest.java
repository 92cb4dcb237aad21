package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.AdminRole;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Tenants;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each tenant's database and role on the shared server: its credentials, its fence, its limits. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TenantDatabaseTest extends StackTestBase {

  @Test
  void databaseExistsOnTheServerAndTheStoredPasswordIsTheRolesPassword() throws Exception {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("db"), Plan.FREE));
    String database = databaseOf(tenant);

    await().atMost(PROVISIONING).until(() -> SharedServer.databaseExists(database));
    Map<String, String> credentials = credentialsOf(tenant);

    assertThat(SharedServer.ownerOf(database)).isEqualTo(database);
    assertThat(credentials)
        .containsEntry("database", database)
        .containsEntry("username", database)
        .containsEntry("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/" + database);
    assertThat(Scram.passwordMatches(database, credentials.get("password"))).isTrue();
    SharedServer.connectAs(database, credentials.get("password"), database);
  }

  @Test
  void tenantRoleCannotConnectToAnotherTenantsDatabase() {
    Tenant a = create(Tenants.tenant(Tenants.freshSlug("ten-a"), Plan.FREE));
    Tenant b = create(Tenants.tenant(Tenants.freshSlug("ten-b"), Plan.FREE));
    await()
        .atMost(PROVISIONING)
        .until(
            () ->
                SharedServer.databaseExists(databaseOf(a))
                    && SharedServer.databaseExists(databaseOf(b)));
    String passwordOfA = credentialsOf(a).get("password");

    assertThatThrownBy(() -> SharedServer.connectAs(databaseOf(a), passwordOfA, databaseOf(b)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database");
  }

  @Test
  void tenantRoleHasItsPlansConnectionLimitAndFollowsAPlanChange() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("limit"), Plan.FREE));
    String database = databaseOf(tenant);
    await().atMost(PROVISIONING).until(() -> "42".equals(SharedServer.connectionLimitOf(database)));

    Tenants.patchSpec(client, tenant.slug(), Map.of("plan", Plan.ENTERPRISE.value()));

    await()
        .atMost(PROVISIONING)
        .until(() -> "120".equals(SharedServer.connectionLimitOf(database)));
  }

  @Test
  void newTenantClaimsAPooledDatabaseAndItIsClosedToOtherTenantsLikeAnyOther() {
    // the operator fills the pool of the role it connects as: the tests' CREATEDB CREATEROLE role
    await().atMost(PROVISIONING).until(() -> AdminRole.get().poolDatabases().size() >= 2);
    List<String> pooled =
        AdminRole.get().poolDatabases().stream().map(SharedServer::oidOf).toList();
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("pooled"), Plan.FREE));
    Tenant other = create(Tenants.tenant(Tenants.freshSlug("other"), Plan.FREE));
    String database = databaseOf(tenant);
    await()
        .atMost(PROVISIONING)
        .until(
            () ->
                "True".equals(conditionStatus(tenant, "DatabaseReady"))
                    && "True".equals(conditionStatus(other, "DatabaseReady")));

    assertThat(SharedServer.oidOf(database)).as("a pool database, renamed").isIn(pooled);
    assertThat(SharedServer.aclOf(database)).isEqualTo("{" + database + "=CTc/" + database + "}");
    assertThatThrownBy(
            () ->
                SharedServer.connectAs(
                    databaseOf(other), credentialsOf(other).get("password"), database))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database");
  }
}
