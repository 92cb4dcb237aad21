package io.tenantry.operator.rollout;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.tenantry.crds.v1alpha1.Gate;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.operator.app.AppVersions;
import io.tenantry.operator.rollout.TenantSignals.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges one tenant on its way to the target version, from its Deployment and, while it soaks, its
 * app's own signals. Pure but for reading the signals, which it does only for soaking tenants.
 */
final class HealthGate {

  /** What should happen to the tenant now; {@code reason} explains a failure. */
  record Verdict(TenantRolloutState next, String reason) {
    static final Verdict WAIT = new Verdict(null, null);

    boolean changes() {
      return next != null;
    }
  }

  static final String NOT_AVAILABLE = "NotAvailable";
  static final String UPDATE_TIMEOUT = "UpdateTimeout";
  static final String ERROR_RATIO = "ErrorRatio";
  static final String LATENCY = "Latency";

  private HealthGate() {}

  /**
   * @param since when the tenant entered its state (the update or the soak started)
   */
  static Verdict judge(
      TenantRolloutStatus tenant,
      Optional<Deployment> app,
      String target,
      Instant since,
      Rules rules,
      Supplier<Optional<Signals>> signals,
      Instant now) {
    Optional<String> failure =
        app.filter(d -> AppVersions.template(d).filter(target::equals).isPresent())
            .flatMap(AppVersions::failure);
    if (failure.isPresent()) {
      return fail(failure.get());
    }
    boolean runsTarget = app.flatMap(AppVersions::rolledOut).filter(target::equals).isPresent();
    if (tenant.state == TenantRolloutState.Updating) {
      if (runsTarget) {
        return rules.soak().isZero()
            ? new Verdict(TenantRolloutState.Succeeded, null)
            : new Verdict(TenantRolloutState.Soaking, null);
      }
      return since.plus(rules.updateTimeout()).isAfter(now) ? Verdict.WAIT : fail(UPDATE_TIMEOUT);
    }
    if (!runsTarget) {
      return fail(NOT_AVAILABLE);
    }
    Optional<String> breach = signals.get().flatMap(s -> breach(s, rules.gate()));
    if (breach.isPresent()) {
      return fail(breach.get());
    }
    return since.plus(rules.soak()).isAfter(now)
        ? Verdict.WAIT
        : new Verdict(TenantRolloutState.Succeeded, null);
  }

  /** The first threshold the signals break. */
  static Optional<String> breach(Signals signals, Gate gate) {
    if (signals.errorRatio() > gate.maxErrorRatioOrDefault()) {
      return Optional.of(ERROR_RATIO);
    }
    if (signals.p99Millis().isPresent()
        && signals.p99Millis().getAsDouble() > gate.maxP99MillisOrDefault()) {
      return Optional.of(LATENCY);
    }
    return Optional.empty();
  }

  private static Verdict fail(String reason) {
    return new Verdict(TenantRolloutState.Failed, reason);
  }

  /** The wave's thresholds and times. */
  record Rules(Duration soak, Duration updateTimeout, Gate gate) {}
}
