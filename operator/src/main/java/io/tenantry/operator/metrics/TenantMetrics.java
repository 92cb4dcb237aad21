package io.tenantry.operator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;

/**
 * Per-tenant reconcile metrics, next to the per-controller ones JOSDK already exports: how often
 * each tenant is reconciled, how long it takes, and how often it fails.
 */
@ApplicationScoped
public class TenantMetrics {

  public static final String RECONCILIATIONS = "tenantry.operator.reconciliations";
  public static final String DURATION = "tenantry.operator.reconcile.duration";
  public static final String ERRORS = "tenantry.operator.reconcile.errors";

  private final MeterRegistry registry;

  TenantMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs one reconcile of {@code tenant}, counting and timing it. */
  public <T> T reconcile(String tenant, Callable<T> reconcile) throws Exception {
    Timer.Sample sample = Timer.start(registry);
    try {
      return reconcile.call();
    } finally {
      sample.stop(Timer.builder(DURATION).tag("tenant", tenant).register(registry));
      Counter.builder(RECONCILIATIONS).tag("tenant", tenant).register(registry).increment();
    }
  }

  /** Counts a failed reconcile of {@code tenant}, by condition reason. */
  public void failed(String tenant, String reason) {
    Counter.builder(ERRORS)
        .tag("tenant", tenant)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  public double reconciliations(String tenant) {
    Counter counter = registry.find(RECONCILIATIONS).tag("tenant", tenant).counter();
    return counter == null ? 0 : counter.count();
  }

  public double errors(String tenant) {
    return registry.find(ERRORS).tag("tenant", tenant).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** Forgets a deleted tenant, so 1000 short-lived tenants do not leave 3000 series behind. */
  public void forget(String tenant) {
    registry.getMeters().stream()
        .filter(meter -> tenant.equals(meter.getId().getTag("tenant")))
        .filter(meter -> meter.getId().getName().startsWith("tenantry.operator."))
        .forEach(registry::remove);
  }
}
