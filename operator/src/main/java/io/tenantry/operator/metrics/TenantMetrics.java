package io.tenantry.operator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
  public static final String ISOLATION_FAILURES = "tenantry.operator.isolation.check.failures";
  public static final String DRIFT_REVERTED = "tenantry.operator.isolation.drift.reverted";

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

  /** Counts each isolation check {@code tenant}'s stack failed in one reconcile. */
  public void isolationFailures(String tenant, List<String> checks) {
    for (String check : checks) {
      Counter.builder(ISOLATION_FAILURES)
          .tag("tenant", tenant)
          .tag("check", check)
          .register(registry)
          .increment();
    }
  }

  /** Counts an isolation object of {@code tenant} found changed and written back. */
  public void driftReverted(String tenant, String kind) {
    Counter.builder(DRIFT_REVERTED)
        .tag("tenant", tenant)
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** How many isolation objects of {@code tenant} were written back after a change. */
  public double driftReverted(String tenant) {
    return registry.find(DRIFT_REVERTED).tag("tenant", tenant).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
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
