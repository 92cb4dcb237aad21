package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.database.DatabaseCredentialsSecret;
import io.tenantry.operator.namespace.NamespaceDependent;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An operator that died half-way left a namespace, the credentials Secret and a role without its
 * database. The next operator must finish the job from there: same password, nothing twice.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class InterruptedProvisioningTest {

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  @Inject @Tester KubernetesClient client;
  @KubernetesTestServer KubernetesServer server;
  @Inject OperatorConfig config;

  private String database;

  @AfterEach
  void dropTestDatabase() {
    SharedServer.dropTenant(database);
  }

  @Test
  void operatorRestartedMidProvisioningConvergesWithoutDuplicatesOrANewPassword() throws Exception {
    new Cluster(client, server).ensureAdminSecret();
    String slug = Tenants.freshSlug("resume");
    database = "tenant_" + slug.replace('-', '_');
    // Parked as invalid (no plan) so the Tenant exists with a UID but nothing is reconciled.
    Tenant tenant = Tenants.tenant(slug, null);
    client.resource(tenant).create();
    Tenant parked = awaitPhase(slug, Phase.Failed);
    String password = DatabaseCredentialsSecret.newPassword();
    leaveHalfProvisionedStack(parked, password);

    Tenants.patchSpec(client, slug, Map.of("plan", Plan.FREE.value()));

    await().atMost(Duration.ofSeconds(30)).until(() -> SharedServer.databaseExists(database));
    assertThat(SharedServer.ownerOf(database)).isEqualTo(database);
    Secret credentials = client.secrets().inNamespace("tenant-" + slug).withName("tenant-db").get();
    assertThat(Cluster.decode(credentials.getData().get("password"))).isEqualTo(password);
    assertThat(Scram.passwordMatches(database, password)).isTrue();
    assertThat(client.namespaces().withLabel("tenantry.io/tenant", slug).list().getItems())
        .hasSize(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.secrets().inNamespace("tenant-" + slug).withName("tenant-signing-key").get()
                        != null
                    && client.secrets().inNamespace("tenant-" + slug).withName("tenant-admin").get()
                        != null);
    assertThat(client.secrets().inNamespace("tenant-" + slug).list().getItems()).hasSize(3);
  }

  @Test
  void databaseLeftOpenByARunInterruptedBeforeItsRevokeIsClosedOnTheNextReconcile() {
    new Cluster(client, server).ensureAdminSecret();
    String slug = Tenants.freshSlug("gap");
    database = "tenant_" + slug.replace('-', '_');
    client.resource(Tenants.tenant(slug, null)).create();
    Tenant parked = awaitPhase(slug, Phase.Failed);
    leaveHalfProvisionedStack(parked, DatabaseCredentialsSecret.newPassword());
    // CREATE DATABASE ran, REVOKE … FROM PUBLIC did not: the ACL is NULL, so PUBLIC may connect.
    Sql.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + database + "\"");
    assertThat(SharedServer.aclOf(database)).isNull();

    Tenants.patchSpec(client, slug, Map.of("plan", Plan.FREE.value()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> ("{" + database + "=CTc/" + database + "}").equals(SharedServer.aclOf(database)));
    await().atMost(Duration.ofSeconds(30)).until(() -> "True".equals(databaseReady(slug)));
  }

  private String databaseReady(String slug) {
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    return stored.getStatus() == null
        ? null
        : stored.getStatus().conditions.stream()
            .filter(c -> "DatabaseReady".equals(c.getType()))
            .map(c -> c.getStatus())
            .findFirst()
            .orElse(null);
  }

  private void leaveHalfProvisionedStack(Tenant owner, String password) {
    Namespace namespace = NamespaceDependent.build(owner);
    Secret secret =
        DatabaseCredentialsSecret.build(owner, config.database().sharedServer(), password);
    client.resource(ownedBy(namespace, owner)).create();
    client.resource(ownedBy(secret, owner)).create();
    Sql.execute("CREATE ROLE \"" + database + "\" LOGIN PASSWORD 'left-over-from-before'");
  }

  private <T extends HasMetadata> T ownedBy(T object, Tenant owner) {
    object
        .getMetadata()
        .getOwnerReferences()
        .add(
            new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .build());
    return object;
  }

  private Tenant awaitPhase(String slug, Phase phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Tenant stored = client.resources(Tenant.class).withName(slug).get();
              return stored.getStatus() != null && stored.getStatus().phase == phase;
            });
    return client.resources(Tenant.class).withName(slug).get();
  }
}
