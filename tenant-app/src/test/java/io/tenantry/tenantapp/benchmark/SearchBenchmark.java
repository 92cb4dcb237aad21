package io.tenantry.tenantapp.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.demo.DemoDataService;
import io.tenantry.tenantapp.support.BenchmarkDatabaseResource;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Search latency at 1M subscribers (plus 1M devices and invoices): the packaged app's search, in
 * its own process with the image's JVM options ({@link PackagedApp}), end to end over HTTP, against
 * the same text matched by a plain ILIKE scan. The app in the test JVM generates and migrates the
 * data; {@code -Dbenchmark.in-test-jvm=true} also times it. Not part of the build (the class name
 * matches no surefire pattern); run, after packaging the app, with
 *
 * <pre>
 * ./mvnw -pl tenant-app package -DskipTests
 * ./mvnw -pl tenant-app verify -Dtest=SearchBenchmark -DskipITs -Dsurefire.failIfNoSpecifiedTests=false
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
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 40);
  private static final int ILIKE_ROUNDS = Integer.getInteger("benchmark.ilike-rounds", 3);
  private static final int WARMUP_PASSES = Integer.getInteger("benchmark.warmup-passes", 150);

  @Inject DemoDataService demo;
  @Inject TestTenant tenant;
  @Inject AgroalDataSource dataSource;

  @TestHTTPResource("/internal/v1/search")
  URL searchUrl;

  // HTTP/1.1 as the control plane's TenantLinkClient calls tenant apps (the JDK client's default
  // would upgrade to HTTP/2, a different server path)
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void searchAtOneMillionSubscribers() throws Exception {
    long started = System.nanoTime();
    DemoDataService.Summary summary = existingData();
    if (summary == null) {
      summary = demo.generate(SUBSCRIBERS);
      analyze();
    }
    double generateSeconds = (System.nanoTime() - started) / 1e9;
    String tag = summary.tag().toLowerCase(Locale.ROOT);
    List<String> queries =
        List.of(
            "grace.mensah123242@exam", // partial e-mail
            "Grase Mensah", // misspelt name
            "D" + tag.toUpperCase(Locale.ROOT) + "-00765432", // whole account number
            "00765432", // account number without its prefix
            "5550765432", // phone digits
            "kwame.owusu." + tag + "43497", // whole RADIUS username
            "zzqxwv"); // matches nothing
    String token = tenant.platformToken("tenant:search");
    List<String> report = new ArrayList<>();
    report.add(
        "generated %d subscribers, %d devices, %d invoices in %.1f s"
            .formatted(
                summary.subscribers(), summary.devices(), summary.invoices(), generateSeconds));
    // every HTTP sample first: the ILIKE scans read the whole table and would evict the pages
    // the indexed searches live on
    Map<String, double[]> trigrams;
    try (PackagedApp app = PackagedApp.start(TestTenant.entitlementsDir())) {
      report.add("packaged app, own process, JVM options: " + app.jvmArguments());
      URI packaged = URI.create("http://127.0.0.1:" + app.port + "/internal/v1/search");
      warmUp(packaged, token, queries);
      trigrams = timeAll(packaged, token, queries);
    }
    Map<String, double[]> inTestJvm = null;
    if (Boolean.getBoolean("benchmark.in-test-jvm")) {
      warmUp(searchUrl.toURI(), token, queries);
      inTestJvm = timeAll(searchUrl.toURI(), token, queries);
    }
    double[] all = new double[0];
    double[] allInTestJvm = new double[0];
    for (String q : queries) {
      double[] trigram = trigrams.get(q);
      double[] ilike = timeIlike(q);
      all = concat(all, trigram);
      report.add(
          "%-32s trigram p50 %7.2f ms p99 %7.2f ms | ILIKE scan p50 %8.2f ms p99 %8.2f ms"
              .formatted(q, pct(trigram, 50), pct(trigram, 99), pct(ilike, 50), pct(ilike, 99)));
      if (inTestJvm != null) {
        allInTestJvm = concat(allInTestJvm, inTestJvm.get(q));
      }
    }
    report.add(
        "all queries (%d samples)            trigram p50 %7.2f ms p99 %7.2f ms"
            .formatted(all.length, pct(all, 50), pct(all, 99)));
    if (inTestJvm != null) {
      report.add(
          "the same app inside the test JVM (%d samples) p50 %7.2f ms p99 %7.2f ms"
              .formatted(allInTestJvm.length, pct(allInTestJvm, 50), pct(allInTestJvm, 99)));
    }
    report.forEach(LOG::info);
    write(report);
    assertThat(summary.subscribers()).isEqualTo(SUBSCRIBERS);
  }

  /**
   * A server is measured in its steady state: every query, many times over, until the JIT has
   * compiled the request path and the connection pool and the prepared statements are warm.
   */
  private void warmUp(URI search, String token, List<String> queries) throws Exception {
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      for (String q : queries) {
        send(request(search, token, q));
      }
    }
  }

  private Map<String, double[]> timeAll(URI search, String token, List<String> queries)
      throws Exception {
    Map<String, double[]> samples = new LinkedHashMap<>();
    for (String q : queries) {
      samples.put(q, timeHttp(request(search, token, q)));
    }
    return samples;
  }

  private static HttpRequest request(URI search, String token, String q) {
    return HttpRequest.newBuilder(
            URI.create(search + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  /**
   * The app's search, all four types, through HTTP as the control plane calls it. A plain JDK
   * client: REST Assured adds milliseconds of its own per request.
   */
  private double[] timeHttp(HttpRequest request) throws Exception {
    double[] samples = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long t = System.nanoTime();
      send(request);
      samples[i] = (System.nanoTime() - t) / 1e6;
    }
    return samples;
  }

  private void send(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
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
