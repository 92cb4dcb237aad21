package io.tenantry.operator.rollout;

import io.tenantry.crds.v1alpha1.Canary;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.TenantSelector;
import io.tenantry.crds.v1alpha1.Wave;
import io.tenantry.crds.v1alpha1.WavePhase;
import io.tenantry.crds.v1alpha1.WaveStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tenants each wave moves, decided once when the rollout starts and kept in its status, so
 * tenants created later or an operator restart never change it. Candidates are the tenants the
 * rollout's selector picks; each wave in order takes the not-yet-assigned candidates its selector
 * and canary pick, and a wave with neither takes all the rest.
 */
final class Membership {

  private Membership() {}

  static List<WaveStatus> freeze(RolloutSpec spec, Collection<Tenant> tenants) {
    List<Tenant> candidates =
        tenants.stream()
            .filter(t -> t.getSpec() != null && t.getSpec().plan != null)
            .filter(t -> TenantSelector.matches(spec.selector, t))
            .sorted(Comparator.comparing(Tenant::slug))
            .toList();
    Set<String> assigned = new LinkedHashSet<>();
    List<WaveStatus> waves = new ArrayList<>();
    for (Wave wave : spec.waves) {
      List<Tenant> pool =
          candidates.stream()
              .filter(t -> !assigned.contains(t.slug()))
              .filter(t -> TenantSelector.matches(wave.selector, t))
              .toList();
      List<Tenant> members = wave.canary == null ? pool : canary(pool, wave.canary);
      members.forEach(t -> assigned.add(t.slug()));
      waves.add(pending(wave.name, members));
    }
    return waves;
  }

  /**
   * The canary's share of {@code pool}, spread across plans round-robin (plans in their order,
   * tenants by name within a plan), so a small canary still meets every plan's configuration.
   */
  static List<Tenant> canary(List<Tenant> pool, Canary canary) {
    int size = canary.sizeOf(pool.size());
    Map<Plan, Deque<Tenant>> byPlan = new EnumMap<>(Plan.class);
    for (Tenant tenant : pool) {
      byPlan.computeIfAbsent(tenant.getSpec().plan, p -> new ArrayDeque<>()).add(tenant);
    }
    List<Tenant> picked = new ArrayList<>();
    while (picked.size() < size) {
      for (Deque<Tenant> plan : byPlan.values()) {
        if (!plan.isEmpty() && picked.size() < size) {
          picked.add(plan.poll());
        }
      }
    }
    picked.sort(Comparator.comparing(Tenant::slug));
    return picked;
  }

  private static WaveStatus pending(String name, List<Tenant> members) {
    WaveStatus wave = new WaveStatus();
    wave.name = name;
    wave.phase = WavePhase.Pending;
    for (Tenant tenant : members) {
      TenantRolloutStatus entry = new TenantRolloutStatus();
      entry.tenant = tenant.slug();
      entry.state = TenantRolloutState.Pending;
      wave.tenants.add(entry);
    }
    return wave;
  }
}
