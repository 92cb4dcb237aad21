package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Decisions about the tenant's database that only a person may take. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseSpec {

  @JsonPropertyDescription(
      "true takes over the database a deleted Tenant of this name left behind with deletionPolicy"
          + " Retain, data included; the operator records the re-attachment (an Event and a comment"
          + " on the database). Without it such a database is refused (DatabaseReady=False, reason"
          + " RetainedDatabaseNotReattached).")
  @Default("false")
  public Boolean reattachRetained = false;

  public boolean isReattachRetained() {
    return Boolean.TRUE.equals(reattachRetained);
  }
}
