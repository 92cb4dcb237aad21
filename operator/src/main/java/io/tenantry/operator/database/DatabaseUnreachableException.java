package io.tenantry.operator.database;

/** The shared database server did not accept a connection; retrying may help. */
public class DatabaseUnreachableException extends DatabaseFailure {

  public static final String REASON = "DatabaseUnreachable";

  public DatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String reason() {
    return REASON;
  }
}
