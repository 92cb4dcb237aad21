package io.tenantry.tenantapp.memory;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.tenantapp.common.Periodic;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gives memory back once a burst of work is over. The shipped JVM runs the Serial collector, which
 * shrinks the heap only after a full collection; nothing else triggers one in a quiet app, so the
 * heap a burst grew (a sign-in alone allocates Argon2id's 7 MiB) would stay committed until the
 * next burst. Many tenant apps per cluster sit idle most of the day, and their resident memory is
 * what the platform pays for, so after {@link MemoryConfig#idleRelease()} without a request the app
 * asks for one full collection ({@code -XX:-ShrinkHeapInSteps} lets it shrink at once). Probes and
 * metrics scrapes (under {@code /q/}) are not work: they neither count as activity nor are delayed.
 */
@ApplicationScoped
public class IdleHeap {

  private static final Logger LOG = Logger.getLogger(IdleHeap.class);

  /** How often quiet time is checked: the release comes at most this late. */
  private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  private final Duration idleRelease;
  private final Event<GoingIdle> goingIdle;
  private final Vertx vertx;
  private Periodic check;
  private final AtomicLong lastWork = new AtomicLong(System.nanoTime());
  private volatile long lastRelease = lastWork.get();

  IdleHeap(MemoryConfig config, Event<GoingIdle> goingIdle, Vertx vertx) {
    this.idleRelease = config.idleRelease();
    this.goingIdle = goingIdle;
    this.vertx = vertx;
  }

  void onStart(@Observes StartupEvent event) {
    check = Periodic.start(vertx, "idle heap release", CHECK_EVERY, this::releaseWhenIdle);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (check != null) {
      check.stop();
    }
  }

  void watchRequests(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              if (!context.normalizedPath().startsWith("/q/")) {
                lastWork.set(System.nanoTime());
              }
              context.next();
            });
  }

  void releaseWhenIdle() {
    long now = System.nanoTime();
    if (due(now, lastWork.get(), lastRelease, idleRelease)) {
      lastRelease = now;
      release();
    }
  }

  /** Lets the features drop what only work needs ({@link GoingIdle}), then collects. */
  void release() {
    goingIdle.fire(new GoingIdle());
    long start = System.nanoTime();
    System.gc();
    LOG.debugf("idle: heap collected in %d ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** Nanos of the last request that was work. */
  long lastWork() {
    return lastWork.get();
  }

  /**
   * Due once per quiet period: there was work since the last release, and none for {@code
   * idleRelease}.
   */
  static boolean due(long now, long lastWork, long lastRelease, Duration idleRelease) {
    return !idleRelease.isZero()
        && lastWork - lastRelease > 0
        && now - lastWork >= idleRelease.toNanos();
  }
}
