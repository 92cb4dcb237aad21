package io.tenantry.operator.database;

/**
 * A tenant database failure with a reason of its own, which the {@code DatabaseReady} condition
 * reports instead of the generic one, so {@code kubectl get tenant} says why.
 */
public abstract class DatabaseFailure extends RuntimeException {

  protected DatabaseFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The condition reason, e.g. {@code DatabaseUnreachable}. */
  public abstract String reason();
}
