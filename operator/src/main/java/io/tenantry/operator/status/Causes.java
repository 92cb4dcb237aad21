package io.tenantry.operator.status;

import java.util.Optional;

/**
 * Finds an exception of a given type in a cause chain: JOSDK's metrics and the workflow wrap what a
 * dependent or the reconciler threw, so the exception that explains a failure is rarely on top.
 */
public final class Causes {

  private Causes() {}

  /** The first exception in {@code e}'s cause chain (itself included) that is a {@code type}. */
  public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }
}
