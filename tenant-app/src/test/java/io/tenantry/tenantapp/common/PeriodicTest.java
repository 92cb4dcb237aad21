package io.tenantry.tenantapp.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void runsAgainAndAgainOffTheEventLoop() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger onEventLoop = new AtomicInteger();
    Periodic.start(
        vertx,
        "test",
        Duration.ofMillis(10),
        () -> {
          if (io.vertx.core.Context.isOnEventLoopThread()) {
            onEventLoop.incrementAndGet();
          }
          runs.incrementAndGet();
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
    assertThat(onEventLoop).hasValue(0);
  }

  @Test
  void runsNeverOverlap() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    Periodic.start(
        vertx,
        "test",
        Duration.ofMillis(1),
        () -> {
          if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          sleep(20); // far longer than the interval
          running.decrementAndGet();
          runs.incrementAndGet();
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
    assertThat(overlaps).hasValue(0);
  }

  @Test
  void aFailingRunDoesNotEndTheLoop() {
    AtomicInteger runs = new AtomicInteger();
    Periodic.start(
        vertx,
        "test",
        Duration.ofMillis(10),
        () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("broken this time");
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
  }

  @Test
  void noRunStartsAfterStop() {
    AtomicInteger runs = new AtomicInteger();
    Periodic periodic = Periodic.start(vertx, "test", Duration.ofMillis(10), runs::incrementAndGet);
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2);

    periodic.stop();
    sleep(50); // lets a run already started finish
    int stoppedAt = runs.get();
    sleep(100);

    assertThat(runs).hasValue(stoppedAt);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
