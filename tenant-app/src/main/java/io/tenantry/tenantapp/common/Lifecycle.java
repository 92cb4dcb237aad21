package io.tenantry.tenantapp.common;

import io.tenantry.common.problem.ProblemException;
import java.util.Map;
import java.util.Set;

/** A status whose changes follow explicit transitions. */
public interface Lifecycle<S extends Enum<S>> {

  /** The statuses this one may change to. */
  Set<S> next();

  /** Refuses a change the lifecycle does not allow, naming the ones it does. */
  static <S extends Enum<S> & Lifecycle<S>> void check(String what, S from, S to) {
    if (!from.next().contains(to)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "%s cannot change from %s to %s; allowed: %s"
              .formatted(what, from, to, sorted(from.next())),
          Map.of("from", from.toString(), "to", to.toString(), "allowed", sorted(from.next())));
    }
  }

  private static <S extends Enum<S>> java.util.List<String> sorted(Set<S> statuses) {
    return statuses.stream().sorted().map(Enum::toString).toList();
  }
}
