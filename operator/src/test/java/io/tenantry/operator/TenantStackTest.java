package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.TenantMetrics;
import io.tenantry.operator.support.AdminRole;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Scram;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import io.tenantry.testing.PostgresServer;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator in-process against the mock API server (CRUD) and the real PostgreSQL server. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TenantStackTest {

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  private static final Duration PROVISIONING = Duration.ofSeconds(30);

  @Inject @Tester KubernetesClient client;
  @Inject TenantMetrics metrics;
  @KubernetesTestServer KubernetesServer server;

  private Cluster cluster;
  private final List<String> slugs = new ArrayList<>();

  @BeforeEach
  void adminCredential() {
    cluster = new Cluster(client, server);
    cluster.ensureAdminSecret();
  }

  @AfterEach
  void dropTestDatabases() {
    for (String slug : slugs) {
      String database = "tenant_" + slug.replace('-', '_');
      // Dropping while the operator is still creating it would race; wait until it is done.
      await()
          .atMost(PROVISIONING)
          .until(
              () ->
                  SharedServer.databaseExists(database)
                      || client.resources(Tenant.class).withName(slug).get() == null);
      await().atMost(PROVISIONING).untilAsserted(() -> SharedServer.dropTenant(database));
    }
  }

  @Test
  void createdTenantGetsItsWholeStackWithLabelsAndOwnerReferences() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("acme"), Plan.STARTER));
    String ns = "tenant-" + tenant.slug();

    await().atMost(PROVISIONING).until(() -> get(Ingress.class, ns, "tenant-app") != null);
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    List<HasMetadata> stack =
        List.of(
            client.namespaces().withName(ns).get(),
            get(RoleBinding.class, ns, "tenantry-operator"),
            get(ResourceQuota.class, ns, "tenant-quota"),
            get(LimitRange.class, ns, "tenant-limits"),
            get(NetworkPolicy.class, ns, "default-deny"),
            get(NetworkPolicy.class, ns, "allow-same-namespace"),
            get(NetworkPolicy.class, ns, "allow-app-ingress"),
            get(NetworkPolicy.class, ns, "allow-egress"),
            get(ServiceAccount.class, ns, "tenant-app"),
            get(Secret.class, ns, "tenant-db"),
            get(Secret.class, ns, "tenant-signing-key"),
            get(Secret.class, ns, "tenant-admin"),
            get(ConfigMap.class, ns, "tenant-entitlements"),
            get(Deployment.class, ns, "tenant-app"),
            get(Service.class, ns, "tenant-app"),
            get(Ingress.class, ns, "tenant-app"));
    assertThat(stack).doesNotContainNull();
    for (HasMetadata object : stack) {
      assertThat(object.getMetadata().getLabels())
          .as(object.getKind() + " labels")
          .containsEntry("tenantry.io/tenant", tenant.slug())
          .containsEntry("app.kubernetes.io/managed-by", "tenantry-operator")
          .containsEntry("app.kubernetes.io/part-of", "tenantry")
          .containsKey("app.kubernetes.io/name");
      assertThat(object.getMetadata().getOwnerReferences())
          .as(object.getKind() + " owner")
          .singleElement()
          .satisfies(
              owner -> {
                assertThat(owner.getKind()).isEqualTo("Tenant");
                assertThat(owner.getUid()).isEqualTo(stored.getMetadata().getUid());
              });
    }
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/audit", "restricted")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted");
    assertThat(client.rbac().roleBindings().inNamespace(ns).list().getItems())
        .as("the one binding there is the operator's; nothing grants the tenant app API rights")
        .singleElement()
        .satisfies(
            binding -> {
              assertThat(binding.getMetadata().getName()).isEqualTo("tenantry-operator");
              assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
              assertThat(binding.getRoleRef().getName()).isEqualTo("tenantry-tenant-stack");
              assertThat(binding.getSubjects())
                  .singleElement()
                  .satisfies(
                      subject -> {
                        assertThat(subject.getKind()).isEqualTo("ServiceAccount");
                        assertThat(subject.getName()).isEqualTo("tenantry-operator");
                        assertThat(subject.getNamespace()).isEqualTo("tenantry-system");
                      });
            });
    assertThat(get(Ingress.class, ns, "tenant-app").getSpec().getRules().get(0).getHost())
        .isEqualTo(tenant.slug() + ".tenants.tenantry.io");
  }

  @Test
  void theOperatorsRoleBindingIsTheFirstObjectWrittenInTheTenantNamespace() {
    cluster.clearRequestLog();
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("first"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();

    await().atMost(PROVISIONING).until(() -> get(Ingress.class, ns, "tenant-app") != null);
    List<String> inNamespace =
        cluster.writesSinceLastDrain().stream()
            .filter(write -> write.contains("/namespaces/" + ns + "/"))
            .toList();

    // without it the operator may not write anything else there (the chart grants it no more)
    assertThat(inNamespace)
        .first()
        .isEqualTo("POST /apis/rbac.authorization.k8s.io/v1/namespaces/" + ns + "/rolebindings");
  }

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
  void availableAppMakesTheTenantReadyWithItsUrl() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("ready"), Plan.FREE));
    awaitDeployment(tenant);

    cluster.markAppAvailable(tenant, 1);

    await().atMost(PROVISIONING).until(() -> phaseOf(tenant) == Phase.Ready);
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    assertThat(stored.getStatus().url)
        .isEqualTo("https://" + tenant.slug() + ".tenants.tenantry.io");
    assertThat(stored.getStatus().observedGeneration)
        .isEqualTo(stored.getMetadata().getGeneration());
    assertThat(stored.getStatus().conditions)
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactlyInAnyOrder(
            "NamespaceReady=True",
            "NetworkIsolated=True",
            "DatabaseReady=True",
            "IsolationVerified=True",
            "AppAvailable=True",
            "IngressReady=True",
            "Ready=True");
  }

  @Test
  void theTenantReportsTheVersionItsAppRunsAndARolloutVersionChangesTheImage() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("version"), Plan.FREE));
    awaitDeployment(tenant);
    cluster.markAppAvailable(tenant, 1);
    await().atMost(PROVISIONING).until(() -> "0.1.0".equals(appVersionOf(tenant)));

    Tenants.patchSpec(client, tenant.slug(), Map.of("rolloutVersion", "2.0.0"));

    await()
        .atMost(PROVISIONING)
        .until(() -> appImage(tenant).equals("ghcr.io/tenantry/tenant-app:2.0.0"));
    cluster.markAppAvailable(tenant, 1);
    await().atMost(PROVISIONING).until(() -> "2.0.0".equals(appVersionOf(tenant)));

    // A pin wins over the rollout's version.
    Tenants.patchSpec(client, tenant.slug(), Map.of("appVersion", "1.5.0"));
    await()
        .atMost(PROVISIONING)
        .until(() -> appImage(tenant).equals("ghcr.io/tenantry/tenant-app:1.5.0"));
  }

  private String appVersionOf(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored.getStatus() == null ? null : stored.getStatus().appVersion;
  }

  private String appImage(Tenant tenant) {
    return client
        .apps()
        .deployments()
        .inNamespace("tenant-" + tenant.slug())
        .withName("tenant-app")
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  @Test
  void reconcileWithNothingChangedSendsNoWriteRequests() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("quiet"), Plan.FREE));
    awaitDeployment(tenant);
    cluster.markAppAvailable(tenant, 1);
    await().atMost(PROVISIONING).until(() -> phaseOf(tenant) == Phase.Ready);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(PROVISIONING)
        .until(() -> cluster.writesSinceLastDrain().isEmpty());
    double reconciles = metrics.reconciliations(tenant.slug());

    // A status heartbeat from the Deployment controller is an event, but nothing to change.
    cluster.markAppAvailable(tenant, 1);
    cluster.clearRequestLog();

    await().atMost(PROVISIONING).until(() -> metrics.reconciliations(tenant.slug()) > reconciles);
    List<String> writes = new ArrayList<>();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              writes.addAll(cluster.writesSinceLastDrain());
              return true;
            });
    assertThat(writes).isEmpty();
  }

  @Test
  void planChangeResizesTheQuota() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("grow"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> get(ResourceQuota.class, ns, "tenant-quota") != null);
    assertThat(hardPods(ns)).isEqualTo(new Quantity("5"));

    Tenants.patchSpec(client, tenant.slug(), Map.of("plan", Plan.ENTERPRISE.value()));

    await().atMost(PROVISIONING).until(() -> new Quantity("50").equals(hardPods(ns)));
    ResourceQuota quota = get(ResourceQuota.class, ns, "tenant-quota");
    assertThat(quota.getSpec().getHard())
        .containsEntry("requests.cpu", new Quantity("4"))
        .containsEntry("limits.memory", new Quantity("16Gi"))
        .containsEntry("services.nodeports", new Quantity("0"));
  }

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

  private String conditionStatus(Tenant tenant, String type) {
    Condition condition = condition(tenant, type);
    return condition == null ? null : condition.getStatus();
  }

  private Condition condition(Tenant tenant, String type) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    if (stored == null || stored.getStatus() == null) {
      return null;
    }
    return stored.getStatus().conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  @Test
  void exportsReconcileMetricsPerTenant() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("metered"), Plan.FREE));
    await().atMost(PROVISIONING).until(() -> metrics.reconciliations(tenant.slug()) > 0);

    io.restassured.RestAssured.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "tenantry_operator_reconciliations_total{tenant=\"" + tenant.slug() + "\"}"),
            org.hamcrest.Matchers.containsString(
                "tenantry_operator_reconcile_duration_seconds_count{tenant=\""
                    + tenant.slug()
                    + "\"}"));
  }

  @Test
  void anEditedNetworkPolicyIsRevertedCountedAndTheTenantVerifiesItsIsolationAgain() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("drift"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> isolationVerified(tenant));
    double revertedBefore = metrics.driftReverted(tenant.slug());

    NetworkPolicy egress = get(NetworkPolicy.class, ns, "allow-egress");
    egress
        .getSpec()
        .setEgress(
            List.of(
                new NetworkPolicyEgressRuleBuilder()
                    .addNewTo()
                    .withNewIpBlock()
                    .withCidr("0.0.0.0/0")
                    .endIpBlock()
                    .endTo()
                    .build()));
    client.resource(egress).update();

    await()
        .atMost(PROVISIONING)
        .untilAsserted(
            () ->
                assertThat(get(NetworkPolicy.class, ns, "allow-egress").getSpec().getEgress())
                    .hasSizeGreaterThan(1));
    // the counter moves just after the write returns, so a reader can see the write first
    await()
        .atMost(PROVISIONING)
        .untilAsserted(
            () -> assertThat(metrics.driftReverted(tenant.slug())).isGreaterThan(revertedBefore));
    await().atMost(PROVISIONING).until(() -> isolationVerified(tenant));
  }

  @Test
  void aSecretEditedBehindTheOperatorsBackIsRestoredAtTheTenantsNextReconcileWithItsKeyKept() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("keyedit"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> isolationVerified(tenant));
    Secret key = get(Secret.class, ns, "tenant-signing-key");
    Map<String, String> generated = Map.copyOf(key.getData());

    key.getMetadata().getLabels().remove("tenantry.io/tenant");
    client.resource(key).update();
    // the operator does not watch Secrets: any change of the Tenant reconciles it
    Tenants.patchSpec(client, tenant.slug(), Map.of("displayName", "Key Edit Ltd"));

    await()
        .atMost(PROVISIONING)
        .untilAsserted(
            () ->
                assertThat(get(Secret.class, ns, "tenant-signing-key").getMetadata().getLabels())
                    .containsEntry("tenantry.io/tenant", tenant.slug()));
    assertThat(get(Secret.class, ns, "tenant-signing-key").getData()).isEqualTo(generated);
  }

  private boolean isolationVerified(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored != null
        && stored.getStatus() != null
        && stored.getStatus().conditions.stream()
            .anyMatch(c -> "IsolationVerified".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private Tenant create(Tenant tenant) {
    slugs.add(tenant.slug());
    client.resource(tenant).create();
    return tenant;
  }

  private void awaitDeployment(Tenant tenant) {
    await()
        .atMost(PROVISIONING)
        .until(() -> get(Deployment.class, "tenant-" + tenant.slug(), "tenant-app") != null);
  }

  private Phase phaseOf(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored == null || stored.getStatus() == null ? null : stored.getStatus().phase;
  }

  private Map<String, String> credentialsOf(Tenant tenant) {
    Secret secret = get(Secret.class, "tenant-" + tenant.slug(), "tenant-db");
    Map<String, String> decoded = new java.util.TreeMap<>();
    secret.getData().forEach((key, value) -> decoded.put(key, Cluster.decode(value)));
    return decoded;
  }

  private Quantity hardPods(String ns) {
    return get(ResourceQuota.class, ns, "tenant-quota").getSpec().getHard().get("pods");
  }

  private int replicas(String ns) {
    return get(Deployment.class, ns, "tenant-app").getSpec().getReplicas();
  }

  private <T extends HasMetadata> T get(Class<T> type, String ns, String name) {
    return client.resources(type).inNamespace(ns).withName(name).get();
  }

  static String databaseOf(Tenant tenant) {
    return "tenant_" + tenant.slug().replace('-', '_');
  }
}
