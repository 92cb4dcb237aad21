package io.tenantry.controlplane.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Fan-out latency and, per tenant, how often it timed out or failed. */
@ApplicationScoped
public class SearchMetrics {

  static final String FANOUT = "tenantry.search.fanout";
  static final String TENANT_ERRORS = "tenantry.search.tenant.errors";
  static final String TENANT_TIMEOUTS = "tenantry.search.tenant.timeouts";

  private final MeterRegistry registry;
  private final Timer fanOut;

  SearchMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.fanOut =
        Timer.builder(FANOUT)
            .description("Time from the first tenant call of a search to its merged answer")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .register(registry);
  }

  void fanOut(Duration took) {
    fanOut.record(took);
  }

  void tenantError(String tenant) {
    counter(TENANT_ERRORS, "Tenant searches that failed", tenant).increment();
  }

  void tenantTimeout(String tenant) {
    counter(TENANT_TIMEOUTS, "Tenant searches that timed out", tenant).increment();
  }

  private Counter counter(String name, String description, String tenant) {
    return Counter.builder(name).description(description).tag("tenant", tenant).register(registry);
  }
}
