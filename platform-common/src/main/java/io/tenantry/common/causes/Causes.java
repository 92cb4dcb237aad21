package io.tenantry.common.causes;

import java.util.Optional;

/**
 * Walks cause chains: frameworks wrap what was thrown (JOSDK's workflow, CompletableFuture, the
 * REST layer's body readers), so the exception that explains a failure is rarely on top. The one
 * place that loops over {@code getCause()}.
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

  /**
   * {@code e} without the {@code wrapper}s around it: the first exception in the chain that is not
   * a {@code wrapper}, or the innermost wrapper when it has no cause of its own.
   */
  public static Throwable unwrap(Throwable e, Class<? extends Throwable> wrapper) {
    Throwable cause = e;
    while (wrapper.isInstance(cause) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
