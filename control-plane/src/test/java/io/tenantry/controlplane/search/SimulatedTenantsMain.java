package io.tenantry.controlplane.search;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmark's simulated tenant apps, in a process of their own ({@link SimulatedTenants} starts
 * it with the test class path): in production every tenant app is another pod, so their servers'
 * allocation and collections must not pause the control plane's JVM. Each tenant is an HTTP server
 * on its own loopback port and answers after a delay drawn, without blocking a thread, from one
 * lognormal distribution (median 40 ms, p99 150 ms), seed 42; every applied delay is kept until the
 * benchmark reads it, so the slowest delay of each request stays exact.
 *
 * <p>Control, on a loopback port printed as the first line of standard output: {@code POST
 * /tenants?count=N} starts servers up to N and answers their ports; {@code POST /clear} forgets the
 * applied delays; {@code GET /served} answers them comma-separated; {@code POST /hung?index=i}
 * makes tenant i never answer (-1: none). The process exits when its standard input closes.
 */
public final class SimulatedTenantsMain {

  static final double MEDIAN_MS = 40;
  static final double P99_MS = 150;
  static final double SIGMA = Math.log(P99_MS / MEDIAN_MS) / 2.326;
  private static final String HITS =
      "{\"hits\":[{\"type\":\"subscriber\",\"id\":\"1\",\"title\":\"John\",\"subtitle\":\"s\","
          + "\"score\":0.9}]}";

  private final Vertx vertx = Vertx.vertx();
  private final Random random = new Random(42);
  private final Queue<Long> served = new ConcurrentLinkedQueue<>();

  /**
   * Per answer since the last clear: arrival, applied delay, and when the answer was written, as
   * {@code System.nanoTime()} (CLOCK_MONOTONIC, the same clock as the benchmark's JVM on this
   * host), so the benchmark can place each tenant's part inside its own request's timeline; and the
   * arrival in epoch microseconds, to line it up with a flight recording of the control plane.
   */
  private final Queue<String> timings = new ConcurrentLinkedQueue<>();

  private final List<HttpServer> servers = new ArrayList<>();
  private volatile int hung = -1;

  public static void main(String[] args) throws Exception {
    SimulatedTenantsMain tenants = new SimulatedTenantsMain();
    HttpServer control =
        tenants
            .vertx
            .createHttpServer()
            .requestHandler(tenants::control)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    System.out.println("control " + control.actualPort());
    System.out.flush();
    // The parent closes our standard input when it is done (or dies): then so do we.
    while (System.in.read() >= 0) {
      // nothing is sent on it
    }
    System.exit(0);
  }

  private void control(HttpServerRequest request) {
    switch (request.path()) {
      case "/tenants" ->
          vertx
              .executeBlocking(() -> start(Integer.parseInt(request.getParam("count"))))
              .onSuccess(ports -> request.response().end(ports))
              .onFailure(e -> request.response().setStatusCode(500).end(e.toString()));
      case "/clear" -> {
        served.clear();
        timings.clear();
        request.response().end();
      }
      case "/served" ->
          request
              .response()
              .end(served.stream().map(String::valueOf).collect(Collectors.joining(",")));
      case "/timings" -> request.response().end(String.join(";", timings));
      case "/hung" -> {
        hung = Integer.parseInt(request.getParam("index"));
        request.response().end();
      }
      default -> request.response().setStatusCode(404).end();
    }
  }

  private synchronized String start(int count) throws Exception {
    for (int i = servers.size(); i < count; i++) {
      int index = i;
      servers.add(
          vertx
              .createHttpServer()
              .requestHandler(request -> answer(index, request))
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS));
    }
    return servers.stream()
        .map(server -> String.valueOf(server.actualPort()))
        .collect(Collectors.joining(","));
  }

  private void answer(int index, HttpServerRequest request) {
    long arrived = System.nanoTime();
    java.time.Instant wall = java.time.Instant.now();
    if (index == hung) {
      return;
    }
    long delay;
    synchronized (random) {
      delay =
          Math.max(1, Math.round(Math.exp(Math.log(MEDIAN_MS) + SIGMA * random.nextGaussian())));
    }
    served.add(delay);
    vertx.setTimer(
        delay,
        id -> {
          request.response().putHeader("Content-Type", "application/json").end(HITS);
          timings.add(
              index
                  + ":"
                  + arrived
                  + ":"
                  + delay
                  + ":"
                  + System.nanoTime()
                  + ":"
                  + (wall.getEpochSecond() * 1_000_000 + wall.getNano() / 1_000));
        });
  }
}
