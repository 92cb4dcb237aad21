package io.tenantry.operator.database;

/**
 * The tenant's database was retained when an earlier Tenant of the same name was deleted, and this
 * Tenant has not asked for it: its data is never handed over silently.
 */
public class RetainedDatabaseException extends DatabaseFailure {

  public static final String REASON = "RetainedDatabaseNotReattached";

  public RetainedDatabaseException(String database) {
    super(
        "database "
            + database
            + " was retained from a deleted Tenant of this name; set"
            + " spec.database.reattachRetained: true to take over its data, or drop it"
            + " (docs/operations.md, \"Retained databases\")",
        null);
  }

  @Override
  public String reason() {
    return REASON;
  }
}
