package io.tenantry.operator.rollout;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rollout's standard conditions, derived from its phase. A condition keeps its {@code
 * lastTransitionTime} unless its status really changed, so an unchanged rollout yields an equal
 * status and no write.
 */
final class RolloutConditions {

  static final String PROGRESSING = "Progressing";
  static final String HALTED = "Halted";
  static final String COMPLETED = "Completed";
  static final String BUDGET_EXCEEDED = "BudgetExceeded";
  static final String RELEASE_NOT_FOUND = "ReleaseNotFound";

  private RolloutConditions() {}

  /**
   * @param problem a reason that stops progress without a phase of its own (a missing release)
   * @param haltMessage names the failed tenants when the phase is Halted
   */
  static List<Condition> of(
      RolloutStatus status,
      List<Condition> previous,
      long generation,
      Instant now,
      String problem,
      String haltMessage) {
    RolloutPhase phase = status.phase;
    List<Condition> conditions = new ArrayList<>();
    boolean progressing = problem == null && !phase.isTerminal();
    String reason = problem != null ? problem : phase.name();
    conditions.add(
        condition(previous, PROGRESSING, progressing, reason, progress(status), generation, now));
    boolean halted = phase == RolloutPhase.Halted;
    conditions.add(
        condition(
            previous,
            HALTED,
            halted,
            halted ? BUDGET_EXCEEDED : "WithinBudget",
            halted ? haltMessage : "",
            generation,
            now));
    boolean completed = phase == RolloutPhase.Completed;
    conditions.add(
        condition(
            previous,
            COMPLETED,
            completed,
            completed ? COMPLETED : "NotCompleted",
            completed ? progress(status) : "",
            generation,
            now));
    return conditions;
  }

  private static String progress(RolloutStatus status) {
    return status.progress == null ? "" : status.progress + " tenants done";
  }

  private static Condition condition(
      List<Condition> previous,
      String type,
      boolean value,
      String reason,
      String message,
      long generation,
      Instant now) {
    String status = value ? "True" : "False";
    String since =
        previous.stream()
            .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
            .map(Condition::getLastTransitionTime)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(now.toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }
}
