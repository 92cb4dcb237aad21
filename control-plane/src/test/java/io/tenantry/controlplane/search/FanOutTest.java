package io.tenantry.controlplane.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.search.SearchResult.Status;
import io.tenantry.controlplane.search.SearchResult.TenantResult;
import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FanOut} against many simulated tenant apps. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class FanOutTest {

  /** More tenants than the former limit of 256 calls in flight, fewer than the current 1024. */
  private static final int TENANTS = 600;

  @Inject FanOut fanOut;
  @Inject SearchConfig config;

  private Vertx vertx;

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void overTheConcurrencyLimitEachAnswerFreesTheSlotOfTheNextTenantUntilAllAreAsked()
      throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  vertx.setTimer(
                      20,
                      id -> {
                        inFlight.decrementAndGet();
                        request
                            .response()
                            .putHeader("Content-Type", "application/json")
                            .end("{\"hits\":[]}");
                      });
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);

    List<TenantResult> results =
        fanOut
            .search(
                targets(25, server.actualPort()),
                new FanOut.Query("john", List.of(), 5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(25),
                3)
            .await()
            .indefinitely();

    assertThat(results).extracting(TenantResult::status).containsOnly(Status.OK);
    assertThat(results).extracting(TenantResult::tenant).containsExactly(slugs(25));
    assertThat(most.get()).isEqualTo(3);
  }

  private static List<TenantEndpoints.Resolved> targets(int n, int port) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new TenantEndpoints.Resolved(
                    "t" + i, URI.create("http://127.0.0.1:" + port + "/t" + i), "stored"))
        .toList();
  }

  private static String[] slugs(int n) {
    return IntStream.range(0, n).mapToObj(i -> "t" + i).toArray(String[]::new);
  }

  @Test
  void aFanOutWithinTheConcurrencyLimitAsksEveryTenantAtOnceNotInRounds() throws Exception {
    assertThat(config.concurrency()).isGreaterThanOrEqualTo(TENANTS);
    // Every tenant holds its answer until all of them have been asked: a fan-out that waits for
    // answers before asking the rest never completes the set, and its tenants time out.
    List<HttpServerRequest> waiting = new ArrayList<>();
    vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  synchronized (waiting) {
                    waiting.add(request);
                    if (waiting.size() == TENANTS) {
                      waiting.forEach(
                          held ->
                              held.response()
                                  .putHeader("Content-Type", "application/json")
                                  .end("{\"hits\":[]}"));
                    }
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    List<TenantEndpoints.Resolved> targets = targets(TENANTS, server.actualPort());

    List<TenantResult> results =
        fanOut
            .search(
                targets,
                new FanOut.Query("john", List.of(), 5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(25))
            .await()
            .indefinitely();

    assertThat(results).extracting(TenantResult::status).containsOnly(Status.OK);
  }
}
