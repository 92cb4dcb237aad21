package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.testing.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Suspend and resume, delete with either deletion policy, and a tenant created again over its
 * retained database.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TenantLifecycleTest extends StackTestBase {

  @Test
  void suspendScalesToZeroAndRemovesTheIngressAndResumeRestoresBoth() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("nap"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> get(Ingress.class, ns, "tenant-app") != null);

    Tenants.patchSpec(client, tenant.slug(), Map.of("suspended", true));

    await()
        .atMost(PROVISIONING)
        .until(
            () ->
                get(Ingress.class, ns, "tenant-app") == null
                    && replicas(ns) == 0
                    && phaseOf(tenant) == Phase.Suspended);

    Tenants.patchSpec(client, tenant.slug(), Map.of("suspended", false));

    await()
        .atMost(PROVISIONING)
        .until(() -> get(Ingress.class, ns, "tenant-app") != null && replicas(ns) == 1);
  }

  private int replicas(String ns) {
    return get(Deployment.class, ns, "tenant-app").getSpec().getReplicas();
  }

  @Test
  void deletingWithDeletePolicyDropsDatabaseAndRole() {
    Tenant tenant = Tenants.tenant(Tenants.freshSlug("gone"), Plan.FREE);
    tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
    create(tenant);
    String database = databaseOf(tenant);
    await().atMost(PROVISIONING).until(() -> SharedServer.databaseExists(database));

    client.resources(Tenant.class).withName(tenant.slug()).delete();

    await()
        .atMost(PROVISIONING)
        .until(() -> client.resources(Tenant.class).withName(tenant.slug()).get() == null);
    assertThat(SharedServer.databaseExists(database)).isFalse();
    assertThat(SharedServer.roleExists(database)).isFalse();
  }

  @Test
  void tenantWhoseCleanupIsStillRunningReadsTerminating() {
    Tenant tenant = Tenants.tenant(Tenants.freshSlug("ending"), Plan.FREE);
    tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
    create(tenant);
    String database = databaseOf(tenant);
    await().atMost(PROVISIONING).until(() -> SharedServer.databaseExists(database));
    // A privilege on another database makes DROP ROLE fail, so the cleanup keeps being retried.
    String holder = PostgresServer.get().createDatabase("holder");
    String grant = " CONNECT ON DATABASE \"" + holder + "\" ";
    Sql.execute("GRANT" + grant + "TO \"" + database + "\"");
    try {
      client.resources(Tenant.class).withName(tenant.slug()).delete();

      await().atMost(PROVISIONING).until(() -> phaseOf(tenant) == Phase.Terminating);
      Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
      assertThat(stored.getMetadata().getDeletionTimestamp()).isNotNull();
      assertThat(stored.getMetadata().getFinalizers()).isNotEmpty();
      assertThat(SharedServer.roleExists(database)).isTrue();
    } finally {
      Sql.execute("REVOKE" + grant + "FROM \"" + database + "\"");
      PostgresServer.get().dropDatabase(holder);
    }
    await()
        .atMost(PROVISIONING)
        .until(() -> client.resources(Tenant.class).withName(tenant.slug()).get() == null);
    assertThat(SharedServer.roleExists(database)).isFalse();
  }

  @Test
  void deletingWithRetainPolicyKeepsDatabaseAndRole() throws Exception {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("kept"), Plan.FREE));
    String database = databaseOf(tenant);
    await().atMost(PROVISIONING).until(() -> SharedServer.databaseExists(database));
    String password = credentialsOf(tenant).get("password");

    client.resources(Tenant.class).withName(tenant.slug()).delete();

    await()
        .atMost(PROVISIONING)
        .until(() -> client.resources(Tenant.class).withName(tenant.slug()).get() == null);
    assertThat(SharedServer.databaseExists(database)).isTrue();
    assertThat(SharedServer.roleExists(database)).isTrue();
    assertThat(SharedServer.canLogIn(database)).as("a retained role is NOLOGIN").isEqualTo("false");
    assertThat(Scram.passwordMatches(database, password)).as("its password is gone").isFalse();
  }

  @Test
  void recreatedTenantIsRefusedItsRetainedDatabaseUntilItAsksForItThenGetsItsData()
      throws Exception {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("again"), Plan.FREE));
    String database = databaseOf(tenant);
    await().atMost(PROVISIONING).until(() -> SharedServer.databaseExists(database));
    String oldPassword = credentialsOf(tenant).get("password");
    Sql.execute(database, "CREATE TABLE kept (id int)");
    deleteAsAClusterWould(tenant);

    client.resource(Tenants.tenant(tenant.slug(), Plan.FREE)).create();

    await()
        .atMost(PROVISIONING)
        .until(() -> "RetainedDatabaseNotReattached".equals(databaseReason(tenant)));
    assertThat(condition(tenant, "DatabaseReady").getStatus()).isEqualTo("False");
    assertThat(condition(tenant, "DatabaseReady").getMessage())
        .contains(database, "spec.database.reattachRetained");
    assertThat(SharedServer.canLogIn(database)).isEqualTo("false");
    String newPassword = credentialsOf(tenant).get("password");
    assertThat(Scram.passwordMatches(database, newPassword)).isFalse();

    Tenants.patchSpec(client, tenant.slug(), Map.of("database", Map.of("reattachRetained", true)));

    await()
        .atMost(PROVISIONING)
        .until(() -> "True".equals(conditionStatus(tenant, "DatabaseReady")));
    assertThat(newPassword).isNotEqualTo(oldPassword);
    assertThat(Scram.passwordMatches(database, newPassword)).isTrue();
    assertThat(SharedServer.canLogIn(database)).isEqualTo("true");
    assertThat(Sql.tableExists(database, "kept")).as("the retained data").isTrue();
    assertThat(
            client.v1().events().inNamespace("tenant-" + tenant.slug()).list().getItems().stream()
                .filter(e -> "RetainedDatabaseReattached".equals(e.getReason()))
                .map(e -> e.getInvolvedObject().getName()))
        .as("the re-attachment is recorded on the Tenant")
        .containsExactly(tenant.slug());
  }

  /** Deletes the Tenant and then what the garbage collector would delete with its namespace. */
  private void deleteAsAClusterWould(Tenant tenant) {
    client.resources(Tenant.class).withName(tenant.slug()).delete();
    await()
        .atMost(PROVISIONING)
        .until(() -> client.resources(Tenant.class).withName(tenant.slug()).get() == null);
    client.secrets().inNamespace("tenant-" + tenant.slug()).withName("tenant-db").delete();
    await()
        .atMost(PROVISIONING)
        .until(() -> get(Secret.class, "tenant-" + tenant.slug(), "tenant-db") == null);
  }

  private String databaseReason(Tenant tenant) {
    Condition condition = condition(tenant, "DatabaseReady");
    return condition == null ? null : condition.getReason();
  }
}
