package io.tenantry.tenantapp.common;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs a task every interval on a Vert.x worker thread. The app's two background tasks (the
 * entitlements poll and the idle heap release) used {@code quarkus-scheduler}, whose ~90 classes
 * (its own and cron-utils') every tenant app kept loaded (the AOT cache loads all it holds at
 * start) for two fixed-delay loops. A Vert.x timer, which the HTTP server's event loop already
 * provides, does the same without a thread of its own. The next run is armed only once the previous
 * one has finished, so runs never overlap (what {@code Scheduled.ConcurrentExecution.SKIP} gave),
 * and a failing run is logged and the loop goes on.
 */
public final class Periodic {

  private static final Logger LOG = Logger.getLogger(Periodic.class);

  private final Vertx vertx;
  private final String name;
  private final long delayMillis;
  private final Runnable task;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile long timer = -1;

  private Periodic(Vertx vertx, String name, Duration interval, Runnable task) {
    this.vertx = vertx;
    this.name = name;
    this.delayMillis = Math.max(1, interval.toMillis());
    this.task = task;
  }

  /** Starts running {@code task} every {@code interval}, the first run one interval from now. */
  public static Periodic start(Vertx vertx, String name, Duration interval, Runnable task) {
    Periodic periodic = new Periodic(vertx, name, interval, task);
    periodic.arm();
    return periodic;
  }

  /** No run starts after this; one already running finishes. */
  public void stop() {
    stopped.set(true);
    vertx.cancelTimer(timer);
  }

  private void arm() {
    if (!stopped.get()) {
      timer = vertx.setTimer(delayMillis, id -> runOnWorker());
    }
  }

  private void runOnWorker() {
    vertx
        .executeBlocking(
            () -> {
              if (!stopped.get()) {
                task.run();
              }
              return null;
            },
            false)
        .onComplete(
            done -> {
              if (done.failed()) {
                LOG.errorf(done.cause(), "%s failed; it runs again in %d ms", name, delayMillis);
              }
              arm();
            });
  }
}
