package io.tenantry.controlplane.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.search.SearchResult.Status;
import io.tenantry.controlplane.search.SearchResult.TenantResult;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.tenantlink.ServiceTokens;
import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenantlink.TenantLinkClient;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: surefire's default includes skip it (its name does not end in Test). Run
 * it alone with {@code -Dtest=FanOutBenchmark}; results go to the log and to {@code
 * target/benchmark-search-fanout.txt}.
 *
 * <p>N simulated tenant apps live in one in-process Vert.x server (one path prefix each); every
 * answer is delayed, without blocking any thread, by a latency drawn from a lognormal distribution.
 * One run measures two stated distributions in turn, each from seed 42: (a) "heavy tail", median 40
 * ms and p99 150 ms (μ = ln 40, σ = ln(150/40) / 2.326), and (b) median 50 ms and p99 120 ms (σ =
 * ln(120/50) / 2.326). The fan-out runs through the real {@link FanOut} and {@link
 * TenantLinkClient}: a fresh token per call, signed with the platform key's algorithm, real HTTP.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class FanOutBenchmark {

  private static final Logger LOG = Logger.getLogger(FanOutBenchmark.class);
  private static final Latency HEAVY_TAIL = new Latency("(a) heavy tail", 40, 150);
  private static final List<Latency> LATENCIES =
      List.of(HEAVY_TAIL, new Latency("(b) narrower", 50, 120));
  private static final FanOut.Query QUERY = new FanOut.Query("john@example.com", List.of(), 20);
  private static final String HITS =
      "{\"hits\":[{\"type\":\"subscriber\",\"id\":\"1\",\"title\":\"John\",\"subtitle\":\"s\","
          + "\"score\":0.9}]}";

  @Inject FanOut fanOut;
  @Inject TenantLinkClient client;
  @Inject ServiceTokens tokens;
  @Inject SearchConfig config;
  @Inject PlatformKeys keys;

  private Random random = new Random(42);
  private volatile Latency latency = HEAVY_TAIL;
  private final Queue<Long> served = new ConcurrentLinkedQueue<>();
  private volatile Set<String> hung = Set.of();
  private Vertx vertx;
  private HttpServer server;
  private final StringBuilder report = new StringBuilder();

  @BeforeEach
  void startSimulatedTenants() throws Exception {
    // A Vert.x of its own: the simulated tenants are not part of the control plane (nor of its
    // metrics).
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(this::answer)
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A lognormal latency stated by its median and p99 (z of the 99th percentile = 2.326). */
  record Latency(String name, double median, double p99) {
    double mu() {
      return Math.log(median);
    }

    double sigma() {
      return Math.log(p99 / median) / 2.326;
    }

    long draw(Random random) {
      return Math.max(1, Math.round(Math.exp(mu() + sigma() * random.nextGaussian())));
    }
  }

  private void answer(HttpServerRequest request) {
    String tenant = request.path().split("/")[1];
    if (hung.contains(tenant)) {
      return;
    }
    long delay;
    synchronized (this) {
      delay = latency.draw(random);
    }
    served.add(delay);
    vertx.setTimer(
        delay, id -> request.response().putHeader("Content-Type", "application/json").end(HITS));
  }

  private List<TenantEndpoints.Resolved> tenants(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new TenantEndpoints.Resolved(
                    "t" + i,
                    URI.create("http://127.0.0.1:" + server.actualPort() + "/t" + i),
                    "benchmark"))
        .toList();
  }

  @Test
  void fanOutAgainstSimulatedTenants() throws IOException {
    line(
        "machine: nproc=%d, max heap=%d MB",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    line(
        "config: concurrency=%d per-tenant timeout=%s deadline=%s",
        config.concurrency(), config.perTenantTimeout(), config.deadline());
    mintCost();
    for (Latency next : LATENCIES) {
      use(next);
      // unreported warm-up rounds at each size: JIT, and the HTTP connections to those tenants
      rounds(50, 20, false);
      rounds(50, 200, true);
      rounds(200, 10, false);
      rounds(200, 100, true);
      sequential(200, 3);
    }
    // the deadline does not depend on the distribution: measured once, under the heavy tail
    use(HEAVY_TAIL);
    hung(200, config.perTenantTimeout(), config.deadline(), 5);
    hung(200, Duration.ofSeconds(30), config.deadline(), 5);
    Files.writeString(Path.of("target/benchmark-search-fanout.txt"), report);
  }

  private synchronized void use(Latency next) {
    latency = next;
    random = new Random(42);
    line(
        "latency %s: lognormal median %.0f ms, p99 %.0f ms (mu=ln(%.0f) sigma=%.3f), seed 42",
        next.name(), next.median(), next.p99(), next.median(), next.sigma());
  }

  private void mintCost() {
    IntStream.range(0, 200).forEach(i -> tokens.mint("warm" + i, ServiceTokens.SEARCH));
    long start = System.nanoTime();
    int n = 1000;
    IntStream.range(0, n).forEach(i -> tokens.mint("t" + i, ServiceTokens.SEARCH));
    line(
        "token minting: %.3f ms per %s token (single thread)",
        (System.nanoTime() - start) / 1e6 / n, keys.algorithm());
  }

  private void rounds(int n, int count, boolean report) {
    List<TenantEndpoints.Resolved> targets = tenants(n);
    double[] fanOuts = new double[count];
    double[] slowest = new double[count];
    for (int r = 0; r < count; r++) {
      served.clear();
      long start = System.nanoTime();
      List<TenantResult> results = fanOut.search(targets, QUERY).await().indefinitely();
      fanOuts[r] = (System.nanoTime() - start) / 1e6;
      slowest[r] = slowestServed();
      assertThat(results).extracting(TenantResult::status).containsOnly(Status.OK);
    }
    if (report) {
      double p99 = percentile(fanOuts, 99);
      double slowestP99 = percentile(slowest, 99);
      line(
          "%s N=%d rounds=%d fan-out p50=%.1f ms p99=%.1f ms | slowest tenant per round p50=%.1f"
              + " ms p99=%.1f ms | ratio p99 fan-out / p99 slowest = %.3f (target <= 1.15)",
          latency.name(),
          n,
          count,
          percentile(fanOuts, 50),
          p99,
          percentile(slowest, 50),
          slowestP99,
          p99 / slowestP99);
    }
  }

  private void sequential(int n, int count) {
    List<TenantEndpoints.Resolved> targets = tenants(n);
    double[] loops = new double[count];
    double[] delaySums = new double[count];
    for (int r = 0; r < count; r++) {
      served.clear();
      long start = System.nanoTime();
      for (TenantEndpoints.Resolved target : targets) {
        client
            .search(target, QUERY.text(), QUERY.types(), QUERY.limit(), Duration.ofSeconds(2))
            .await()
            .indefinitely();
      }
      loops[r] = (System.nanoTime() - start) / 1e6;
      delaySums[r] = served.stream().mapToLong(Long::longValue).sum();
    }
    double[] fan = new double[20];
    double[] slowest = new double[fan.length];
    for (int r = 0; r < fan.length; r++) {
      served.clear();
      long start = System.nanoTime();
      fanOut.search(targets, QUERY).await().indefinitely();
      fan[r] = (System.nanoTime() - start) / 1e6;
      slowest[r] = slowestServed();
    }
    line(
        "%s N=%d sequential loop p50=%.0f ms (%d rounds) vs fan-out p50=%.1f ms: %.1fx faster"
            + " (target >= 50x)",
        latency.name(),
        n,
        percentile(loops, 50),
        count,
        percentile(fan, 50),
        percentile(loops, 50) / percentile(fan, 50));
    // what an overhead-free fan-out would reach on these very rounds: the loop costs the sum of
    // its applied delays, the fan-out the slowest applied delay of its round
    line(
        "%s N=%d ceiling of that ratio (no overhead): sum of applied delays per loop p50=%.0f ms"
            + " / slowest applied delay per fan-out round p50=%.1f ms = %.1fx",
        latency.name(),
        n,
        percentile(delaySums, 50),
        percentile(slowest, 50),
        percentile(delaySums, 50) / percentile(slowest, 50));
  }

  private double slowestServed() {
    return served.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private void hung(int n, Duration perTenant, Duration deadline, int count) {
    List<TenantEndpoints.Resolved> targets = tenants(n);
    hung = Set.of("t" + (n / 2));
    double[] answers = new double[count];
    for (int r = 0; r < count; r++) {
      long start = System.nanoTime();
      List<TenantResult> results =
          fanOut.search(targets, QUERY, perTenant, deadline).await().indefinitely();
      answers[r] = (System.nanoTime() - start) / 1e6;
      assertThat(results.get(n / 2).status()).isEqualTo(Status.TIMEOUT);
      assertThat(results.stream().filter(t -> t.status() == Status.OK)).hasSize(n - 1);
    }
    hung = Set.of();
    double worst = Arrays.stream(answers).max().orElse(0);
    line(
        "N=%d one endpoint hung, per-tenant timeout %s, deadline %s: answer p50=%.0f ms"
            + " max=%.0f ms = %.3f x deadline (target <= 1.05)",
        n, perTenant, deadline, percentile(answers, 50), worst, worst / deadline.toMillis());
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    LOG.info(text);
    report.append(text).append('\n');
  }
}
