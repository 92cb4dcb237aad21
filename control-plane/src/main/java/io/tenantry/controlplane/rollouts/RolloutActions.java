package io.tenantry.controlplane.rollouts;

import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.RolloutStatus;
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
    Integer current = rollout.getStatus() == null ? null : rollout.getStatus().currentWave;
    if (phase == RolloutPhase.WaitingForPromotion
        && current != null
        && spec.promotedThroughIndex() < current) {
      actions.add(PROMOTE);
    }
    actions.add(ABORT);
    return Collections.unmodifiableSet(actions);
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
