package io.tenantry.controlplane.tenants;

import io.tenantry.common.problem.ProblemException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Where a tenant is in its life, as the platform intends it; the cluster reports the phase. */
public enum LifecycleState {
  ACTIVE,
  SUSPENDED,
  /** Deletion requested; the Tenant resource is being removed. */
  DELETING,
  DELETED,
  /** The Tenant resource was deleted in the cluster without the platform asking for it. */
  ORPHANED;

  /** What an admin can ask of a tenant. */
  public enum Action {
    UPDATE,
    SUSPEND,
    RESUME,
    DELETE
  }

  private static final Map<LifecycleState, Set<Action>> ALLOWED =
      Map.of(
          ACTIVE, Set.of(Action.UPDATE, Action.SUSPEND, Action.DELETE),
          SUSPENDED, Set.of(Action.UPDATE, Action.RESUME, Action.DELETE),
          DELETING, Set.of(),
          DELETED, Set.of(),
          ORPHANED, Set.of(Action.DELETE));

  /** The state after {@code action}, or a 409 that says why the action is impossible now. */
  public LifecycleState apply(Action action, String slug) {
    if (!ALLOWED.get(this).contains(action)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "tenant "
              + slug
              + " is "
              + value()
              + "; "
              + action.name().toLowerCase(Locale.ROOT)
              + " is only possible when it is "
              + statesAllowing(action));
    }
    return switch (action) {
      case UPDATE -> this;
      case SUSPEND -> SUSPENDED;
      case RESUME -> ACTIVE;
      case DELETE -> this == ORPHANED ? DELETED : DELETING;
    };
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String statesAllowing(Action action) {
    return String.join(
        " or ",
        ALLOWED.entrySet().stream()
            .filter(e -> e.getValue().contains(action))
            .map(e -> e.getKey().value())
            .sorted()
            .toList());
  }
}
