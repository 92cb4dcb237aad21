package io.tenantry.operator.rollout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rollout metrics: tenants that finished by result ({@code
 * tenantry_rollout_tenant_updates_total{result}}), phase transitions, and each rollout's phase as a
 * gauge that is 1 for its current phase and 0 for the others.
 */
@ApplicationScoped
public class RolloutMetrics {

  public static final String TENANT_UPDATES = "tenantry.rollout.tenant.updates";
  public static final String TRANSITIONS = "tenantry.rollout.operator.transitions";
  public static final String PHASE = "tenantry.rollout.phase";

  private final MeterRegistry registry;
  private final Map<String, RolloutPhase> phases = new ConcurrentHashMap<>();

  RolloutMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void finished(TenantRolloutState result) {
    Counter.builder(TENANT_UPDATES)
        .description("Tenants a rollout finished, by result")
        .tag("result", result.name())
        .register(registry)
        .increment();
  }

  /** Records the rollout's phase; counts a transition when it changed. */
  void phase(String rollout, RolloutPhase before, RolloutPhase after) {
    if (before != after) {
      Counter.builder(TRANSITIONS).tag("phase", after.name()).register(registry).increment();
    }
    if (phases.put(rollout, after) == null) {
      for (RolloutPhase phase : RolloutPhase.values()) {
        Gauge.builder(PHASE, phases, current -> current.get(rollout) == phase ? 1 : 0)
            .tag("rollout", rollout)
            .tag("phase", phase.name())
            .register(registry);
      }
    }
  }
}
