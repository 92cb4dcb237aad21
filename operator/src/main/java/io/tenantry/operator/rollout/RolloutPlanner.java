package io.tenantry.operator.rollout;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.Wave;
import io.tenantry.crds.v1alpha1.WavePhase;
import io.tenantry.crds.v1alpha1.WaveStatus;
import io.tenantry.operator.app.AppVersions;
import io.tenantry.operator.rollout.HealthGate.Rules;
import io.tenantry.operator.rollout.HealthGate.Verdict;
import io.tenantry.operator.rollout.TenantSignals.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One step of a rollout: from its spec, its last status and what the caches show now, the next
 * status and the Tenant writes to make. Everything it decides is in the status it returns, so an
 * operator that restarts continues from there. It writes nothing itself.
 */
final class RolloutPlanner {

  /** What the planner may look at: the tenants, their apps, their signals. */
  interface Fleet {
    Collection<Tenant> tenants();

    Optional<Tenant> tenant(String name);

    Optional<Deployment> app(String tenant);

    Optional<Signals> signals(String tenant);

    /** The version a tenant with neither pin nor rolloutVersion runs. */
    String defaultVersion();
  }

  /** Set (or, with a null version, remove) one tenant's spec.rolloutVersion. */
  record Write(String tenant, String version) {}

  /**
   * The outcome of a step.
   *
   * @param finished the states tenants reached in this step (for metrics)
   * @param requeue when to look again without an event (soak and update timers)
   */
  record Step(
      RolloutStatus status,
      List<Write> writes,
      List<TenantRolloutState> finished,
      Optional<Duration> requeue) {}

  static final String HELD = "Held";
  static final String PINNED = "Pinned";
  static final String SUSPENDED = "Suspended";
  static final String DELETED = "Deleted";
  static final String ALREADY_RUNNING = "AlreadyRunning";

  private final Rollout rollout;
  private final RolloutSpec spec;
  private final Optional<Release> release;
  private final Fleet fleet;
  private final Instant now;
  private final Duration updateTimeout;
  private final Duration recheck;
  private final RolloutStatus status;
  private final List<Write> writes = new ArrayList<>();
  private final List<TenantRolloutState> finished = new ArrayList<>();
  private Duration requeue;

  RolloutPlanner(
      Rollout rollout,
      Optional<Release> release,
      Fleet fleet,
      Instant now,
      Duration updateTimeout,
      Duration recheck) {
    this.rollout = rollout;
    this.spec = rollout.getSpec();
    this.release = release;
    this.fleet = fleet;
    this.now = now;
    this.updateTimeout = updateTimeout;
    this.recheck = recheck;
    this.status =
        rollout.getStatus() == null
            ? new RolloutStatus()
            : Serialization.jsonMapper().convertValue(rollout.getStatus(), RolloutStatus.class);
  }

  Step step() {
    String problem = null;
    if (status.phase == null) {
      status.phase = RolloutPhase.Pending;
    }
    if (release.isEmpty()) {
      problem = RolloutConditions.RELEASE_NOT_FOUND;
    } else if (status.phase == RolloutPhase.Halted) {
      settleHalted(release.get());
    } else if (!status.phase.isTerminal()) {
      if (status.waves.isEmpty()) {
        status.waves = Membership.freeze(spec, fleet.tenants());
        status.currentWave = 0;
      }
      if (spec.isAborted()) {
        status.phase = RolloutPhase.Aborted;
      } else {
        advance(release.get());
      }
    }
    summarize(problem);
    return new Step(status, writes, finished, Optional.ofNullable(requeue));
  }

  /** Runs the current wave and, as long as waves finish, the ones after it. */
  private void advance(Release release) {
    int first = status.currentWave == null ? 0 : status.currentWave;
    for (int i = first; i < status.waves.size(); i++) {
      WaveStatus wave = status.waves.get(i);
      Wave rules = specWave(i);
      status.currentWave = i;
      status.currentWaveName = wave.name;
      if (wave.phase == WavePhase.Succeeded) {
        continue;
      }
      if (wave.phase == WavePhase.Pending) {
        if (spec.isPaused()) {
          status.phase = RolloutPhase.Paused;
          return;
        }
        if (rules.promotedManually() && spec.promotedThroughIndex() < i) {
          status.phase = RolloutPhase.WaitingForPromotion;
          return;
        }
        wave.phase = WavePhase.Running;
      }
      run(wave, rules, release);
      if (overBudget(wave, rules)) {
        wave.phase = WavePhase.Halted;
        status.phase = RolloutPhase.Halted;
        return;
      }
      if (wave.tenants.stream().allMatch(t -> t.state.isFinished())) {
        wave.phase = WavePhase.Succeeded;
        continue;
      }
      wave.phase =
          wave.tenants.stream()
                  .anyMatch(
                      t ->
                          t.state == TenantRolloutState.Pending
                              || t.state == TenantRolloutState.Updating)
              ? WavePhase.Running
              : WavePhase.Soaking;
      status.phase = spec.isPaused() ? RolloutPhase.Paused : RolloutPhase.Progressing;
      return;
    }
    status.phase = RolloutPhase.Completed;
  }

  /**
   * A halted rollout starts nothing, but the tenants of the halted wave still in flight are judged
   * to the end, so that one failing after the halt is rolled back too.
   */
  private void settleHalted(Release release) {
    for (int i = 0; i < status.waves.size(); i++) {
      if (status.waves.get(i).phase == WavePhase.Halted) {
        judgeInFlight(status.waves.get(i), specWave(i), release);
      }
    }
  }

  /** Judges the tenants in flight, then starts new ones up to maxParallel (unless paused). */
  private void run(WaveStatus wave, Wave rules, Release release) {
    String target = release.getSpec().appVersion;
    judgeInFlight(wave, rules, release);
    if (spec.isPaused() || overBudget(wave, rules)) {
      return;
    }
    long inFlight = wave.tenants.stream().filter(RolloutPlanner::inFlight).count();
    List<TenantRolloutStatus> started = new ArrayList<>();
    for (TenantRolloutStatus tenant : wave.tenants) {
      if (inFlight >= rules.maxParallelOrDefault()) {
        break;
      }
      if (tenant.state == TenantRolloutState.Pending && start(tenant, target)) {
        inFlight++;
        started.add(tenant);
      }
    }
    // A tenant already on the release needs no write and may be done at once.
    started.stream()
        .filter(t -> writes.stream().noneMatch(w -> w.tenant().equals(t.tenant)))
        .forEach(t -> judge(t, rules, release));
  }

  private void judgeInFlight(WaveStatus wave, Wave rules, Release release) {
    wave.tenants.stream().filter(RolloutPlanner::inFlight).forEach(t -> judge(t, rules, release));
  }

  /** Starts one tenant: skipped, or moved to the target; true when it is now in flight. */
  private boolean start(TenantRolloutStatus entry, String target) {
    Optional<Tenant> found = fleet.tenant(entry.tenant);
    Optional<String> skip = found.map(RolloutPlanner::skipReason).orElse(Optional.of(DELETED));
    if (skip.isPresent()) {
      set(entry, TenantRolloutState.Skipped, skip.get());
      return false;
    }
    Tenant tenant = found.get();
    String rolloutVersion = tenant.getSpec().rolloutVersion;
    String running = tenant.getStatus() == null ? null : tenant.getStatus().appVersion;
    // After a crash between the Tenant write and the status write, the Tenant already carries the
    // target: what it runs is then the best record of where it came from.
    entry.fromVersion =
        !target.equals(rolloutVersion) ? rolloutVersion : target.equals(running) ? null : running;
    if (!target.equals(AppVersions.effective(tenant, fleet.defaultVersion()))) {
      writes.add(new Write(entry.tenant, target));
    }
    set(entry, TenantRolloutState.Updating, null);
    return true;
  }

  private static Optional<String> skipReason(Tenant tenant) {
    if (tenant.getMetadata().getDeletionTimestamp() != null) {
      return Optional.of(DELETED);
    }
    if (tenant.held()) {
      return Optional.of(HELD);
    }
    if (tenant.getSpec().appVersion != null) {
      return Optional.of(PINNED);
    }
    if (tenant.getSpec().isSuspended()) {
      return Optional.of(SUSPENDED);
    }
    return Optional.empty();
  }

  private void judge(TenantRolloutStatus entry, Wave rules, Release release) {
    if (fleet.tenant(entry.tenant).isEmpty()) {
      set(entry, TenantRolloutState.Skipped, DELETED);
      return;
    }
    Instant since = entry.since == null ? now : Instant.parse(entry.since);
    Rules gate =
        new Rules(
            Duration.ofSeconds(rules.soakSecondsOrDefault()), updateTimeout, rules.gateOrDefault());
    Verdict verdict =
        HealthGate.judge(
            entry,
            fleet.app(entry.tenant),
            release.getSpec().appVersion,
            since,
            gate,
            () -> fleet.signals(entry.tenant),
            now);
    if (verdict.next() == TenantRolloutState.Failed) {
      fail(entry, verdict.reason(), release);
    } else if (verdict.changes()) {
      set(entry, verdict.next(), null);
    }
    wakeFor(entry, gate);
  }

  /** A failed tenant goes back to where it came from when the release says that is safe. */
  private void fail(TenantRolloutStatus entry, String reason, Release release) {
    if (release.getSpec().isRollbackSafe()) {
      writes.add(new Write(entry.tenant, entry.fromVersion));
      set(entry, TenantRolloutState.RolledBack, reason);
    } else {
      set(entry, TenantRolloutState.Failed, reason);
    }
  }

  private void wakeFor(TenantRolloutStatus entry, Rules gate) {
    Instant since = Instant.parse(entry.since);
    Duration wait;
    if (entry.state == TenantRolloutState.Updating) {
      wait = Duration.between(now, since.plus(gate.updateTimeout()));
    } else if (entry.state == TenantRolloutState.Soaking) {
      Duration left = Duration.between(now, since.plus(gate.soak()));
      wait = left.compareTo(recheck) < 0 ? left : recheck;
    } else {
      return;
    }
    Duration atLeast = wait.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : wait;
    requeue = requeue == null || atLeast.compareTo(requeue) < 0 ? atLeast : requeue;
  }

  private void set(TenantRolloutStatus entry, TenantRolloutState state, String reason) {
    entry.state = state;
    entry.reason = reason;
    entry.since = now.toString();
    if (state.isFinished()) {
      finished.add(state);
    }
  }

  private static boolean inFlight(TenantRolloutStatus tenant) {
    return tenant.state == TenantRolloutState.Updating
        || tenant.state == TenantRolloutState.Soaking;
  }

  private static boolean overBudget(WaveStatus wave, Wave rules) {
    long failures = wave.tenants.stream().filter(t -> t.state.isFailure()).count();
    return failures > rules.failuresAllowed(wave.tenants.size());
  }

  private Wave specWave(int index) {
    return index < spec.waves.size() ? spec.waves.get(index) : new Wave();
  }

  private void summarize(String problem) {
    List<TenantRolloutStatus> all = status.waves.stream().flatMap(w -> w.tenants.stream()).toList();
    status.total = all.size();
    status.done = (int) all.stream().filter(t -> t.state.isFinished()).count();
    status.failed = (int) all.stream().filter(t -> t.state.isFailure()).count();
    status.rolledBack =
        (int) all.stream().filter(t -> t.state == TenantRolloutState.RolledBack).count();
    status.progress = status.done + "/" + status.total;
    long generation = Optional.ofNullable(rollout.getMetadata().getGeneration()).orElse(0L);
    status.observedGeneration = generation;
    status.conditions =
        RolloutConditions.of(status, status.conditions, generation, now, problem, haltMessage());
  }

  /** Names the halted wave's failed tenants, with their reasons. */
  private String haltMessage() {
    for (int i = 0; i < status.waves.size(); i++) {
      WaveStatus wave = status.waves.get(i);
      if (wave.phase == WavePhase.Halted) {
        List<TenantRolloutStatus> failed =
            wave.tenants.stream().filter(t -> t.state.isFailure()).toList();
        return "wave "
            + wave.name
            + ": "
            + failed.size()
            + " failed, budget "
            + specWave(i).failuresAllowed(wave.tenants.size())
            + ": "
            + failed.stream()
                .map(t -> t.tenant + " (" + t.reason + ")")
                .collect(Collectors.joining(", "));
      }
    }
    return "";
  }
}
