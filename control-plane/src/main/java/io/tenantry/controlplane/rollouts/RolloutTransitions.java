package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.api.model.Condition;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.WavePhase;
import io.tenantry.crds.v1alpha1.WaveStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two statuses of one Rollout, as audit events: the phase, a wave starting or
 * finishing, a tenant failing or rolled back, a halt. Pure; the first status seen is compared with
 * an empty one, so a rollout first seen mid-way reports where it is.
 */
final class RolloutTransitions {

  /** One transition: the audit action, the tenant it concerns (or null), and its details. */
  record Transition(String action, String tenant, Map<String, Object> payload) {}

  private RolloutTransitions() {}

  static List<Transition> between(RolloutStatus before, RolloutStatus after) {
    RolloutStatus previous = before == null ? new RolloutStatus() : before;
    List<Transition> transitions = new ArrayList<>();
    phase(previous, after, transitions);
    Map<String, WaveStatus> previousWaves = new HashMap<>();
    for (WaveStatus wave : previous.waves) {
      previousWaves.put(wave.name, wave);
    }
    for (WaveStatus wave : after.waves) {
      WaveStatus was = previousWaves.getOrDefault(wave.name, new WaveStatus());
      wave(was, wave, transitions);
      tenants(wave, was, transitions);
    }
    return transitions;
  }

  private static void phase(RolloutStatus before, RolloutStatus after, List<Transition> out) {
    if (after.phase == null || after.phase == before.phase) {
      return;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("from", before.phase == null ? "none" : before.phase.name());
    payload.put("to", after.phase.name());
    if (after.currentWaveName != null) {
      payload.put("wave", after.currentWaveName);
    }
    if (after.phase == RolloutPhase.Halted) {
      Condition halted = condition(after, "Halted");
      payload.put("reason", halted == null ? "unknown" : halted.getReason());
      payload.put("message", halted == null ? "" : Objects.toString(halted.getMessage(), ""));
      out.add(new Transition("rollout.halted", null, payload));
    } else {
      out.add(new Transition("rollout.phase-changed", null, payload));
    }
  }

  private static void wave(WaveStatus before, WaveStatus after, List<Transition> out) {
    if (after.phase == null || after.phase == before.phase) {
      return;
    }
    boolean started = before.phase == null || before.phase == WavePhase.Pending;
    if (started && after.phase != WavePhase.Pending) {
      out.add(new Transition("rollout.wave-started", null, Map.of("wave", after.name)));
    }
    if (after.phase == WavePhase.Succeeded || after.phase == WavePhase.Halted) {
      out.add(
          new Transition(
              "rollout.wave-finished",
              null,
              Map.of("wave", after.name, "phase", after.phase.name())));
    }
  }

  private static void tenants(WaveStatus wave, WaveStatus was, List<Transition> out) {
    Map<String, TenantRolloutState> previous = new HashMap<>();
    for (TenantRolloutStatus tenant : was.tenants) {
      previous.put(tenant.tenant, tenant.state);
    }
    for (TenantRolloutStatus tenant : wave.tenants) {
      if (tenant.state == previous.get(tenant.tenant)) {
        continue;
      }
      String action =
          switch (tenant.state) {
            case Failed -> "rollout.tenant-failed";
            case RolledBack -> "rollout.tenant-rolled-back";
            case null, default -> null;
          };
      if (action != null) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("wave", wave.name);
        payload.put("reason", Objects.toString(tenant.reason, "unknown"));
        if (tenant.fromVersion != null) {
          payload.put("fromVersion", tenant.fromVersion);
        }
        out.add(new Transition(action, tenant.tenant, payload));
      }
    }
  }

  private static Condition condition(RolloutStatus status, String type) {
    return status.conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
