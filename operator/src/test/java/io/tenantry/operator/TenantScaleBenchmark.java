package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.TenantMetrics;
import io.tenantry.operator.support.AdminRole;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.IndexedMockServer;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Sql;
import io.tenantry.operator.support.Tenants;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 1000 Tenants against the mock API server with the operator in-process, shared-server databases on
 * the real PostgreSQL, claimed from the operator's database pool. The pool is sized for the burst
 * ({@code -Dbenchmark.pool-size}, default 1000) and filled before anything is timed, as an
 * installation that expects such a burst would run it; how long filling took is reported beside.
 * Before the burst, single tenants are created one at a time and timed from create to {@code
 * DatabaseReady} ({@code -Dbenchmark.single-samples}, default 20). {@code -Dbenchmark.tenants}
 * changes the burst size (for a smoke run). The mock server finds objects by name through an index
 * ({@link IndexedMockServer}; {@code -Dbenchmark.mock=stock} uses Fabric8's dispatcher as it ships,
 * whose linear lookup makes the mock server the bottleneck). Measures; asserts only correctness
 * (zero writes on a full resync). Run with {@code ./mvnw -B -ntp -pl operator -am verify
 * -Dbenchmark}; results go to the log and to {@code operator/target/benchmark-results.txt}.
 */
@QuarkusTest
@TestProfile(TenantScaleBenchmark.Resync.class)
@WithTestResource(IndexedMockServer.class)
class TenantScaleBenchmark {

  private static final Logger LOG = Logger.getLogger(TenantScaleBenchmark.class);
  private static final int TENANTS = Integer.getInteger("benchmark.tenants", 1000);
  private static final int POOL = Integer.getInteger("benchmark.pool-size", 1000);
  private static final int SINGLE_SAMPLES = Integer.getInteger("benchmark.single-samples", 20);
  private static final Duration RESYNC = Duration.ofSeconds(30);

  /**
   * Every tenant is reconciled again 30 s after its last reconcile: a full resync. {@code
   * -Dbenchmark.database-mode=cloudnative-pg} leaves the real PostgreSQL out (each tenant's
   * database is then a CNPG Cluster object on the mock server), to time the operator without {@code
   * CREATE DATABASE}.
   */
  public static class Resync implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.operator-sdk.controllers.tenant.max-reconciliation-interval",
          "PT30S",
          "tenantry.operator.database.mode",
          System.getProperty("benchmark.database-mode", "shared-server"),
          "tenantry.operator.database.shared-server.pool.size",
          String.valueOf(POOL),
          "tenantry.operator.database.shared-server.pool.refill-sessions",
          System.getProperty("benchmark.refill-sessions", "4"),
          "quarkus.log.category.\"io.javaoperatorsdk\".level",
          "ERROR");
    }
  }

  @Inject KubernetesClient client;
  @Inject TenantMetrics metrics;
  @IndexedMockServer.Server KubernetesMockServer server;

  private final List<String> results = new ArrayList<>();

  @Inject Operator operator;

  @AfterEach
  void stopOperatorAndDropDatabases() throws SQLException {
    // Stopped first: it would otherwise recreate the databases it finds missing when it polls.
    operator.stop();
    dropBenchmarkDatabases();
  }

  @BeforeEach
  void dropBenchmarkDatabases() throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection connection = Sql.admin();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'tenant\\_bench\\_%'"
                        + " UNION SELECT rolname FROM pg_roles"
                        + " WHERE rolname LIKE 'tenant\\_bench\\_%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    // Each DROP DATABASE waits for a checkpoint (about a second here); concurrent drops share them.
    ForkJoinPool dropping = new ForkJoinPool(8);
    try {
      dropping.submit(() -> names.parallelStream().forEach(SharedServer::dropTenant)).join();
    } finally {
      dropping.shutdown();
    }
    try (Connection connection = Sql.admin();
        ResultSet left =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM pg_database"
                        + " WHERE datname LIKE 'tenant\\_bench\\_%')"
                        + " + (SELECT count(*) FROM pg_roles"
                        + " WHERE rolname LIKE 'tenant\\_bench\\_%')")) {
      left.next();
      assertThat(left.getInt(1)).as("tenant_bench_* databases and roles left behind").isZero();
    }
  }

  @Test
  void thousandTenants() throws Exception {
    new Cluster(client, server).ensureAdminSecret();
    if (!sharedServer()) {
      record("database mode", "cloudnative-pg (no real databases)");
    } else {
      fillPool();
      singleTenants();
    }
    drain();
    List<String> slugs =
        IntStream.range(0, TENANTS).mapToObj(i -> String.format("bench-%04d", i)).toList();

    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    slugs.forEach(slug -> client.resource(Tenants.tenant(slug, Plan.FREE)).create());
    long created = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> reconciledCount() == TENANTS);
    long reconciled = System.nanoTime();
    long cpuReconciled = cpuNanos();
    List<RecordedRequest> provisioning = drain();
    record("tenants", TENANTS);
    record("pool size", POOL);
    record("create the Tenant objects (client side, s)", seconds(created - start));
    record("time until all reconciled (s)", seconds(reconciled - start));
    record(
        "burst: CPU of this JVM (operator, mock server, test; s)",
        seconds(cpuReconciled - cpuStart));
    long operatorRequests = provisioning.stream().filter(TenantScaleBenchmark::byOperator).count();
    long operatorWrites =
        provisioning.stream()
            .filter(TenantScaleBenchmark::byOperator)
            .filter(TenantScaleBenchmark::isWrite)
            .count();
    record("operator API requests per tenant", (double) operatorRequests / TENANTS);
    record("operator API writes per tenant", (double) operatorWrites / TENANTS);

    Map<String, Double> before = new java.util.HashMap<>();
    slugs.forEach(slug -> before.put(slug, metrics.reconciliations(slug)));
    double reconcilesBefore = totalReconciles(slugs);
    record("reconciles per tenant until all reconciled", reconcilesBefore / TENANTS);
    long resyncStart = System.nanoTime();
    long resyncCpuStart = cpuNanos();
    await()
        .atMost(RESYNC.multipliedBy(6))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                slugs.stream().allMatch(slug -> metrics.reconciliations(slug) > before.get(slug)));
    List<String> resyncWrites =
        drain().stream()
            .filter(TenantScaleBenchmark::isWrite)
            .map(r -> r.getMethod() + " " + r.getPath())
            .toList();
    record("full resync: reconciles", totalReconciles(slugs) - reconcilesBefore);
    record("full resync: wall time (s)", seconds(System.nanoTime() - resyncStart));
    record("full resync: CPU of this JVM (s)", seconds(cpuNanos() - resyncCpuStart));
    record("full resync: write requests", resyncWrites.size());

    String slug = slugs.get(TENANTS / 2);
    record("pooled databases left after the burst", pooled());
    long changeStart = System.nanoTime();
    Tenants.patchSpec(client, slug, Map.of("plan", Plan.ENTERPRISE.value()));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> new Quantity("50").equals(hardPods(slug)));
    record(
        "spec change -> quota updated, all tenants present (ms)",
        (System.nanoTime() - changeStart) / 1e6);

    Files.writeString(Path.of("target/benchmark-results.txt"), String.join("\n", results) + "\n");
    assertThat(resyncWrites).isEmpty();
  }

  private static boolean sharedServer() {
    return "shared-server".equals(System.getProperty("benchmark.database-mode", "shared-server"));
  }

  /** Waits until the operator has filled its pool, timing it: nothing else is timed meanwhile. */
  private void fillPool() {
    long start = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> pooled() >= POOL);
    record("filling the pool before timing (s)", seconds(System.nanoTime() - start));
  }

  private int pooled() {
    return AdminRole.get().poolDatabases().size();
  }

  /** Tenants created one at a time, each timed from create to DatabaseReady=True. */
  private void singleTenants() {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < SINGLE_SAMPLES; i++) {
      String slug = String.format("bench-single-%02d", i);
      long start = System.nanoTime();
      client.resource(Tenants.tenant(slug, Plan.FREE)).create();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> databaseReady(slug));
      millis.add((System.nanoTime() - start) / 1e6);
    }
    List<Double> sorted = millis.stream().sorted().toList();
    record("single tenant create -> DatabaseReady, samples", SINGLE_SAMPLES);
    record("single tenant create -> DatabaseReady p50 (ms)", sorted.get(sorted.size() / 2));
    record("single tenant create -> DatabaseReady max (ms)", sorted.get(sorted.size() - 1));
  }

  private boolean databaseReady(String slug) {
    Tenant tenant = client.resources(Tenant.class).withName(slug).get();
    return tenant != null && tenant.getStatus() != null && isTrue(tenant, "DatabaseReady");
  }

  private long reconciledCount() {
    return client.resources(Tenant.class).list().getItems().stream()
        .filter(tenant -> !tenant.getMetadata().getName().startsWith("bench-single-"))
        .filter(TenantScaleBenchmark::reconciled)
        .count();
  }

  private static boolean reconciled(Tenant tenant) {
    if (tenant.getStatus() == null
        || !Objects.equals(
            tenant.getStatus().observedGeneration, tenant.getMetadata().getGeneration())) {
      return false;
    }
    return isTrue(tenant, "NamespaceReady")
        && isTrue(tenant, "NetworkIsolated")
        && isTrue(tenant, "DatabaseReady")
        && isTrue(tenant, "IngressReady");
  }

  private static boolean isTrue(Tenant tenant, String type) {
    return tenant.getStatus().conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .map(Condition::getStatus)
        .anyMatch("True"::equals);
  }

  private double totalReconciles(List<String> slugs) {
    return slugs.stream().mapToDouble(metrics::reconciliations).sum();
  }

  private Quantity hardPods(String slug) {
    ResourceQuota quota =
        client
            .resources(ResourceQuota.class)
            .inNamespace("tenant-" + slug)
            .withName("tenant-quota")
            .get();
    return quota.getSpec().getHard().get("pods");
  }

  /** Everything but this class's own Tenant creations and status polls. */
  private static boolean byOperator(RecordedRequest request) {
    String path = request.getPath();
    boolean tenantsCollection =
        path.startsWith("/apis/tenantry.io/v1alpha1/tenants?")
            || path.equals("/apis/tenantry.io/v1alpha1/tenants");
    boolean testCreate = request.getMethod().equals("POST") && tenantsCollection;
    boolean testPoll =
        request.getMethod().equals("GET") && tenantsCollection && !path.contains("watch=true");
    return !testCreate && !testPoll;
  }

  private static boolean isWrite(RecordedRequest request) {
    return List.of("POST", "PUT", "PATCH", "DELETE").contains(request.getMethod());
  }

  private List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  private void record(String what, Object value) {
    String line = what + ": " + (value instanceof Double d ? String.format("%.2f", d) : value);
    results.add(line);
    LOG.info("BENCHMARK " + line);
  }

  /**
   * CPU time of this JVM (operator, mock API server and test together): on a shared machine the
   * wall times vary with the load, this far less.
   */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
