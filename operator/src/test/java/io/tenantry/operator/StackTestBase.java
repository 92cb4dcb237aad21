package io.tenantry.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.TenantMetrics;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tenant-stack tests share: the operator in-process against the mock API server (CRUD) and
 * the real PostgreSQL server, each test's tenants and databases cleaned up after it, and every
 * request the operator made checked against the reviewed list.
 */
abstract class StackTestBase {

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  static final Duration PROVISIONING = Duration.ofSeconds(30);

  @Inject @Tester KubernetesClient client;
  @Inject TenantMetrics metrics;
  @KubernetesTestServer KubernetesServer server;

  Cluster cluster;

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

  boolean isolationVerified(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored != null
        && stored.getStatus() != null
        && stored.getStatus().conditions.stream()
            .anyMatch(c -> "IsolationVerified".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  Tenant create(Tenant tenant) {
    slugs.add(tenant.slug());
    client.resource(tenant).create();
    return tenant;
  }

  void awaitDeployment(Tenant tenant) {
    await()
        .atMost(PROVISIONING)
        .until(() -> get(Deployment.class, "tenant-" + tenant.slug(), "tenant-app") != null);
  }

  Phase phaseOf(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored == null || stored.getStatus() == null ? null : stored.getStatus().phase;
  }

  Map<String, String> credentialsOf(Tenant tenant) {
    Secret secret = get(Secret.class, "tenant-" + tenant.slug(), "tenant-db");
    Map<String, String> decoded = new java.util.TreeMap<>();
    secret.getData().forEach((key, value) -> decoded.put(key, Cluster.decode(value)));
    return decoded;
  }

  Condition condition(Tenant tenant, String type) {
    return Tenants.condition(client, tenant.slug(), type);
  }

  String conditionStatus(Tenant tenant, String type) {
    Condition condition = condition(tenant, type);
    return condition == null ? null : condition.getStatus();
  }

  <T extends HasMetadata> T get(Class<T> type, String ns, String name) {
    return client.resources(type).inNamespace(ns).withName(name).get();
  }

  static String databaseOf(Tenant tenant) {
    return "tenant_" + tenant.slug().replace('-', '_');
  }
}
