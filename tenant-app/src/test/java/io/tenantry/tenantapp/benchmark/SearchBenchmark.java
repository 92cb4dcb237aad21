package io.tenantry.tenantapp.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.demo.DemoDataService;
import io.tenantry.tenantapp.support.BenchmarkDatabaseResource;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.KeepAliveConnection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Search latency at 1M subscribers (plus 1M devices and invoices): the packaged app's search, in
 * its own process with the image's JVM options ({@link PackagedApp}), end to end over HTTP, with
 * {@code benchmark.clients} (default 4) concurrent clients drawing queries at random from a
 * generated set ({@link QuerySet}: misspelt names, e-mail parts, account and phone fragments,
 * RADIUS usernames and misses). Each client presents a new platform token every {@code
 * benchmark.token-period-ms} (default 30 s, the control plane's reuse period), so the app verifies
 * tokens at the rate production would see. Each client is a keep-alive connection writing
 * pre-encoded requests ({@link KeepAliveConnection}): the clients share the app's two cores here,
 * which production's do not, so the load generator is kept as lean as it can be; a latency is timed
 * from the request's write to its body's last byte, and a status other than 200 fails the
 * benchmark. The CPU per request is reported for the app, PostgreSQL, the clients (the test JVM)
 * and the whole machine. A few of the queries are also matched by a plain ILIKE scan, for scale.
 * The app in the test JVM generates and migrates the data; {@code -Dbenchmark.in-test-jvm=true}
 * also times it. Not part of the build (the class name matches no surefire pattern); run, after
 * packaging the app, with
 *
 * <pre>
 * ./mvnw -pl tenant-app package -DskipTests -Paot
 * ./mvnw -pl tenant-app test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Results go to the log and to target/benchmark-search.txt. Add {@code
 * -Dbenchmark.database=tenantry_bench_search} to keep the generated rows in that database and reuse
 * them on the next run (see {@link BenchmarkDatabaseResource}).
 */
@QuarkusTest
@WithTestResource(BenchmarkDatabaseResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SearchBenchmark {

  private static final Logger LOG = Logger.getLogger(SearchBenchmark.class);
  private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 1_000_000);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  private static final int REQUESTS = Integer.getInteger("benchmark.requests-per-client", 1000);
  private static final int QUERIES = Integer.getInteger("benchmark.queries", 600);
  private static final long TOKEN_PERIOD_MS = Long.getLong("benchmark.token-period-ms", 30_000);
  private static final int ILIKE_ROUNDS = Integer.getInteger("benchmark.ilike-rounds", 3);
  private static final int WARMUP_REQUESTS = Integer.getInteger("benchmark.warmup-requests", 1000);

  @Inject DemoDataService demo;
  @Inject TestTenant tenant;
  @Inject AgroalDataSource dataSource;

  @Test
  void searchAtOneMillionSubscribers() throws Exception {
    long started = System.nanoTime();
    DemoDataService.Summary summary = existingData();
    if (summary == null) {
      summary = demo.generate(SUBSCRIBERS);
      analyze();
    }
    double generateSeconds = (System.nanoTime() - started) / 1e9;
    List<QuerySet.Query> queries = QuerySet.generate(dataSource, QUERIES, new Random(42));
    List<String> report = new ArrayList<>();
    report.add(
        "generated %d subscribers, %d devices, %d invoices in %.1f s"
            .formatted(
                summary.subscribers(), summary.devices(), summary.invoices(), generateSeconds));
    report.add("query set: " + QuerySet.describe(queries));
    // every HTTP sample first: the ILIKE scans read the whole table and would evict the pages
    // the indexed searches live on
    Map<String, double[]> byKind;
    try (PackagedApp app = PackagedApp.start(TestTenant.entitlementsDir())) {
      report.add("packaged app, own process, JVM options: " + app.jvmArguments());
      URI packaged = URI.create("http://127.0.0.1:" + app.port + "/internal/v1/search");
      clients(packaged, queries, WARMUP_REQUESTS / CLIENTS, new Random(7));
      CpuUse before = CpuUse.now(app);
      long began = System.nanoTime();
      byKind = clients(packaged, queries, REQUESTS, new Random(43));
      report.add(CpuUse.now(app).since(before, System.nanoTime() - began, CLIENTS * REQUESTS));
    }
    double[] all = new double[0];
    for (Map.Entry<String, double[]> kind : byKind.entrySet()) {
      all = concat(all, kind.getValue());
      report.add(
          "%-22s %5d samples  p50 %7.2f ms p99 %7.2f ms"
              .formatted(
                  kind.getKey(),
                  kind.getValue().length,
                  pct(kind.getValue(), 50),
                  pct(kind.getValue(), 99)));
    }
    report.add(
        "all, %d clients       %5d samples  p50 %7.2f ms p99 %7.2f ms (target p99 <= 10 ms)"
            .formatted(CLIENTS, all.length, pct(all, 50), pct(all, 99)));
    for (QuerySet.Query q : queries.subList(0, Math.min(5, queries.size()))) {
      double[] ilike = timeIlike(q.text());
      report.add(
          "ILIKE scan for comparison, %-12s %-28s p50 %8.2f ms"
              .formatted(q.kind(), q.text(), pct(ilike, 50)));
    }
    report.forEach(LOG::info);
    write(report);
    assertThat(summary.subscribers()).isEqualTo(SUBSCRIBERS);
  }

  /**
   * {@code benchmark.clients} clients at once, each sending {@code perClient} searches one after
   * another, each query drawn at random; latencies grouped by the query's kind.
   */
  private Map<String, double[]> clients(
      URI search, List<QuerySet.Query> queries, int perClient, Random seeds) throws Exception {
    Map<String, List<Double>> samples = new java.util.concurrent.ConcurrentSkipListMap<>();
    // every query's request line and Host header, encoded once (the draws pick by index)
    byte[][] heads = new byte[queries.size()][];
    for (int i = 0; i < heads.length; i++) {
      heads[i] =
          KeepAliveConnection.getHead(
              search.getHost(), search.getPort(), pathAndQuery(search, queries.get(i).text()));
    }
    List<Long> clientSeeds = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clientSeeds.add(seeds.nextLong());
    }
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS)) {
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      for (long clientSeed : clientSeeds) {
        running.add(
            pool.submit(
                () -> {
                  Random random = new Random(clientSeed);
                  String token = tenant.platformToken("tenant:search");
                  long tokenSince = System.currentTimeMillis();
                  byte[] authorization = authorization(token);
                  try (KeepAliveConnection connection =
                      new KeepAliveConnection(search.getHost(), search.getPort())) {
                    for (int i = 0; i < perClient; i++) {
                      if (System.currentTimeMillis() - tokenSince >= TOKEN_PERIOD_MS) {
                        token = tenant.platformToken("tenant:search");
                        tokenSince = System.currentTimeMillis();
                        authorization = authorization(token);
                      }
                      int drawn = random.nextInt(queries.size());
                      QuerySet.Query q = queries.get(drawn);
                      long t = System.nanoTime();
                      int status = connection.exchange(heads[drawn], authorization);
                      double ms = (System.nanoTime() - t) / 1e6;
                      assertThat(status).as("status of a search for %s", q.text()).isEqualTo(200);
                      samples
                          .computeIfAbsent(
                              q.kind(),
                              k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                          .add(ms);
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> client : running) {
        client.get();
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    samples.forEach(
        (kind, list) -> out.put(kind, list.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  /**
   * CPU used while the timed searches ran: the app's process, PostgreSQL's processes (every
   * backend; nothing else uses it meanwhile) and the whole machine (the clients included). With the
   * clients, the app and PostgreSQL on the same cores, the machine's CPU per request divided by the
   * cores is the least time a request can take on average once every client waits for another's
   * work (Little's law for a closed loop): the part of the latency that is queueing.
   */
  private record CpuUse(
      double appSeconds, double postgresSeconds, double clientsSeconds, double machineSeconds) {

    static CpuUse now(PackagedApp app) throws IOException {
      double postgres =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().command().orElse("").contains("postgres"))
              .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
              .sum();
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
        busy += Long.parseLong(cpu[field]);
      }
      // the test JVM: the load generator (its client threads, their JIT compilation and garbage
      // collection); the app under test in this JVM (@QuarkusTest) is idle meanwhile
      double clients =
          ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
      return new CpuUse(
          app.cpu().toNanos() / 1e9, postgres, clients, busy / 100.0); // USER_HZ = 100
    }

    String since(CpuUse before, long wallNanos, int requests) {
      double app = (appSeconds - before.appSeconds) * 1e3 / requests;
      double postgres = (postgresSeconds - before.postgresSeconds) * 1e3 / requests;
      double clients = (clientsSeconds - before.clientsSeconds) * 1e3 / requests;
      double machine = (machineSeconds - before.machineSeconds) * 1e3 / requests;
      int cores = Runtime.getRuntime().availableProcessors();
      return ("CPU per request: app %.2f ms, PostgreSQL %.2f ms, clients (test JVM) %.2f ms,"
              + " machine %.2f ms (%d cores, wall"
              + " %.1f s): with %d clients a request waits on average at least %.2f ms")
          .formatted(
              app,
              postgres,
              clients,
              machine,
              cores,
              wallNanos / 1e9,
              CLIENTS,
              Math.max(machine, CLIENTS * machine / cores));
    }
  }

  private static String pathAndQuery(URI search, String q) {
    return search.getRawPath() + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  private static byte[] authorization(String token) {
    return KeepAliveConnection.lastHeader("Authorization", "Bearer " + token);
  }

  /** The same text as a plain ILIKE over the subscribers, indexes switched off. */
  private double[] timeIlike(String q) throws SQLException {
    double[] samples = new double[ILIKE_ROUNDS];
    try (Connection connection = dataSource.getConnection()) {
      try (Statement settings = connection.createStatement()) {
        settings.execute("SET enable_bitmapscan = off");
        settings.execute("SET enable_indexscan = off");
      }
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT id, name FROM subscribers WHERE search_text ILIKE ? LIMIT 20")) {
        query.setString(1, "%" + q.toLowerCase(Locale.ROOT) + "%");
        for (int i = 0; i < ILIKE_ROUNDS; i++) {
          long t = System.nanoTime();
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              rows.getString(2);
            }
          }
          samples[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      try (Statement settings = connection.createStatement()) {
        settings.execute("RESET ALL");
      }
    }
    return samples;
  }

  /** The rows a kept benchmark database already holds, or null when it needs generating. */
  private DemoDataService.Summary existingData() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT substring(min(account_number) FROM 2 FOR 6), count(*),"
                    + " (SELECT count(*) FROM devices), (SELECT count(*) FROM invoices),"
                    + " (SELECT count(*) FROM tickets), (SELECT count(*) FROM radius_sessions)"
                    + " FROM subscribers WHERE account_number LIKE 'D%'")) {
      rows.next();
      if (rows.getLong(2) == 0) {
        return null;
      }
      if (rows.getLong(2) != SUBSCRIBERS) {
        throw new IllegalStateException(
            "the kept benchmark database holds another data set; drop it and run again");
      }
      return new DemoDataService.Summary(
          rows.getString(1),
          rows.getLong(2),
          rows.getLong(3),
          rows.getLong(4),
          rows.getLong(5),
          rows.getLong(6));
    }
  }

  private void analyze() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE");
    }
  }

  private static double pct(double[] samples, int percentile) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void write(List<String> report) throws IOException {
    Files.write(Path.of("target", "benchmark-search.txt"), report);
  }
}
