package io.tenantry.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout of a healthy release over 1000 tenants ({@code -Dbenchmark.tenants}) in five waves with
 * zero soak, on the mock API server. Each tenant's Deployment reports itself available as soon as
 * its template changes ({@link FleetSimulator}, 4 threads), so almost all of the wall time is what
 * the operator adds: noticing, deciding, writing. Reports the wall time, each tenant's own
 * readiness (template change seen → available) and the operator's detection latency (available →
 * marked Succeeded), and the API writes per tenant. Asserts only correctness: every tenant
 * succeeded, exactly one write per tenant. Run with {@code ./mvnw -B -ntp -pl operator -am verify
 * -Dbenchmark -Dtest=RolloutBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; results go to the
 * log and to {@code operator/target/rollout-benchmark-results.txt}.
 */
class RolloutBenchmark {

  private static final Logger LOG = Logger.getLogger(RolloutBenchmark.class);
  private static final int TENANTS = Integer.getInteger("benchmark.tenants", 1000);
  private static final String TARGET = "2.0.0";

  private RolloutHarness harness;
  private final List<String> results = new ArrayList<>();

  @BeforeEach
  void start() {
    harness = new RolloutHarness(Map.of(), 4);
    harness.startOperator();
  }

  @AfterEach
  void stop() throws IOException {
    harness.close();
    Files.write(Path.of("target/rollout-benchmark-results.txt"), results);
  }

  @Test
  void healthyReleaseOverTheFleetInFiveWaves() throws Exception {
    List<String> slugs = createFleet();
    harness.release("bench", TARGET, true);
    drainRequests();

    Instant started = Instant.now();
    harness.createRollout(
        """
        apiVersion: tenantry.io/v1alpha1
        kind: Rollout
        metadata: {name: bench}
        spec:
          release: bench
          waves:
            - {name: canary, canary: {count: 10}, maxParallel: 10}
            - {name: early, canary: {percent: 10}, maxParallel: 100}
            - {name: quarter, canary: {percent: 25}, maxParallel: 100}
            - {name: half, canary: {percent: 50}, maxParallel: 200}
            - {name: rest, maxParallel: 200}
        """);
    await()
        .atMost(Duration.ofMinutes(15))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> phase() == RolloutPhase.Completed);
    Duration wall = Duration.between(started, Instant.now());

    Rollout done = harness.rollout("bench");
    List<RecordedRequest> requests = drainRequests();
    long tenantWrites = writes(requests, "/apis/tenantry.io/v1alpha1/tenants/");
    long statusWrites = writes(requests, "/apis/tenantry.io/v1alpha1/rollouts/");
    List<TenantRolloutStatus> entries =
        done.getStatus().waves.stream().flatMap(w -> w.tenants.stream()).toList();
    assertThat(entries).hasSize(slugs.size());
    assertThat(entries).extracting(e -> e.state).containsOnly(TenantRolloutState.Succeeded);
    assertThat(tenantWrites).isEqualTo(slugs.size());

    List<Long> readiness = new ArrayList<>();
    List<Long> detection = new ArrayList<>();
    for (TenantRolloutStatus entry : entries) {
      Instant changed = harness.fleet.changedAt().get(entry.tenant);
      Instant ready = harness.fleet.readyAt().get(entry.tenant);
      readiness.add(Duration.between(changed, ready).toMillis());
      detection.add(Duration.between(ready, Instant.parse(entry.since)).toMillis());
    }
    report("tenants: %d, waves: 5, soak 0", slugs.size());
    report("wall time rollout created -> Completed: %.1f s", wall.toMillis() / 1000.0);
    report(
        "tenants' own readiness (template change seen -> available): p50 %d ms, max %d ms",
        percentile(readiness, 50), percentile(readiness, 100));
    report(
        "operator detection (available -> Succeeded in status): p50 %d ms, p99 %d ms, max %d ms",
        percentile(detection, 50), percentile(detection, 99), percentile(detection, 100));
    report(
        "API writes by the operator: %d Tenant patches (%.2f per tenant), %d Rollout status patches",
        tenantWrites, (double) tenantWrites / slugs.size(), statusWrites);
    report("load average at the end: %s", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private List<String> createFleet() {
    Plan[] plans = Plan.values();
    List<String> slugs =
        IntStream.range(0, TENANTS).mapToObj(i -> String.format("bench-%04d", i)).toList();
    Instant started = Instant.now();
    new ForkJoinPool(8)
        .submit(
            () ->
                slugs.parallelStream()
                    .forEach(
                        s ->
                            harness.tenant(
                                s,
                                plans[Math.floorMod(s.hashCode(), plans.length)],
                                "bench",
                                Map.of())))
        .join();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> harness.fleet.readyAt().size() >= slugs.size());
    report(
        "fleet of %d tenants created and available in %.1f s (not timed below)",
        slugs.size(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
    return slugs;
  }

  private RolloutPhase phase() {
    Rollout rollout = harness.rollout("bench");
    return rollout == null || rollout.getStatus() == null ? null : rollout.getStatus().phase;
  }

  private List<RecordedRequest> drainRequests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = harness.server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  private static long writes(List<RecordedRequest> requests, String prefix) {
    return requests.stream()
        .filter(r -> !"GET".equals(r.getMethod()) && r.getPath().startsWith(prefix))
        .count();
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private void report(String format, Object... args) {
    String line = String.format(format, args);
    LOG.info(line);
    results.add(line);
  }
}
