package io.tenantry.controlplane.rollouts;

import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.WavePhase;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which of pause, resume, abort and promote make sense for a rollout as it stands: the API refuses
 * the others with 409, and the console shows only these buttons. Pure.
 */
public final class RolloutActions {

  public static final String PAUSE = "pause";
  public static final String RESUME = "resume";
  public static final String ABORT = "abort";
  public static final String PROMOTE = "promote";

  private RolloutActions() {}

  static RolloutPhase phaseOf(Rollout rollout) {
    RolloutStatus status = rollout.getStatus();
    return status == null || status.phase == null ? RolloutPhase.Pending : status.phase;
  }

  /** The actions that change something now, in the order the console shows them. */
  static Set<String> allowed(Rollout rollout) {
    RolloutSpec spec = rollout.getSpec() == null ? new RolloutSpec() : rollout.getSpec();
    RolloutPhase phase = phaseOf(rollout);
    if (phase.isTerminal() || spec.isAborted()) {
      return Set.of();
    }
    Set<String> actions = new LinkedHashSet<>();
    actions.add(spec.isPaused() ? RESUME : PAUSE);
    if (awaitsPromotion(rollout, spec, phase)) {
      actions.add(PROMOTE);
    }
    actions.add(ABORT);
    return Collections.unmodifiableSet(actions);
  }

  /**
   * The current wave is Manual, not yet approved and not started: waiting for promotion, or paused
   * before it (the operator shows Paused then, and an SRE may approve the wave before resuming).
   */
  private static boolean awaitsPromotion(Rollout rollout, RolloutSpec spec, RolloutPhase phase) {
    RolloutStatus status = rollout.getStatus();
    Integer current = status == null ? null : status.currentWave;
    if (current == null
        || current >= spec.waves.size()
        || spec.promotedThroughIndex() >= current
        || !spec.waves.get(current).promotedManually()) {
      return false;
    }
    if (phase == RolloutPhase.WaitingForPromotion) {
      return true;
    }
    String name = spec.waves.get(current).name;
    return status.waves.stream()
        .filter(w -> name.equals(w.name))
        .allMatch(w -> w.phase == null || w.phase == WavePhase.Pending);
  }

  /** Why {@code action} makes no sense now; the detail of the 409. */
  static String refusal(Rollout rollout, String action) {
    RolloutSpec spec = rollout.getSpec() == null ? new RolloutSpec() : rollout.getSpec();
    RolloutPhase phase = phaseOf(rollout);
    if (phase.isTerminal() || spec.isAborted()) {
      return "rollout "
          + rollout.getMetadata().getName()
          + " is "
          + phase
          + ": nothing to "
          + action;
    }
    return switch (action) {
      case PAUSE -> "rollout " + rollout.getMetadata().getName() + " is already paused";
      case RESUME -> "rollout " + rollout.getMetadata().getName() + " is not paused";
      case PROMOTE ->
          "rollout " + rollout.getMetadata().getName() + " is not waiting for promotion";
      default -> "rollout " + rollout.getMetadata().getName() + " cannot " + action + " now";
    };
  }
}
