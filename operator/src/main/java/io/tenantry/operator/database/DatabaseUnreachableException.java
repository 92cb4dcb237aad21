package io.tenantry.operator.database;

/** The shared database server did not accept a connection; retrying may help. */
public class DatabaseUnreachableException extends RuntimeException {

  public DatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
