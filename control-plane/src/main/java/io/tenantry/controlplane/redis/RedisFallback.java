package io.tenantry.controlplane.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a Redis operation and, while Redis cannot be reached, its in-process stand-in instead, so a
 * Redis outage degrades a feature rather than failing requests or readiness. Every call tries Redis
 * first: the feature is back on Redis with the first call after Redis returns, and {@code
 * onRecovery} then drops what Redis may hold from before the outage.
 */
public final class RedisFallback {

  private static final Logger LOG = Logger.getLogger(RedisFallback.class);

  private final String feature;
  private final Runnable onRecovery;
  private final AtomicBoolean degraded = new AtomicBoolean();

  public RedisFallback(String feature, Runnable onRecovery) {
    this.feature = feature;
    this.onRecovery = onRecovery;
  }

  public <T> T call(Supplier<T> viaRedis, Supplier<T> inProcess) {
    T result;
    try {
      result = viaRedis.get();
    } catch (RuntimeException e) {
      if (degraded.compareAndSet(false, true)) {
        LOG.warnf(
            "Redis is unreachable (%s); %s is kept in process memory until it returns",
            e.getMessage(), feature);
      }
      return inProcess.get();
    }
    if (degraded.compareAndSet(true, false)) {
      LOG.infof("Redis is reachable again; %s is back on Redis", feature);
      try {
        onRecovery.run();
      } catch (RuntimeException e) {
        degraded.set(true); // lost again at once: the next successful call repeats the recovery
      }
    }
    return result;
  }

  public void run(Runnable viaRedis, Runnable inProcess) {
    call(
        () -> {
          viaRedis.run();
          return null;
        },
        () -> {
          inProcess.run();
          return null;
        });
  }

  /** True while the last call found Redis unreachable. */
  public boolean degraded() {
    return degraded.get();
  }
}
