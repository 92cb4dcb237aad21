package io.tenantry.controlplane.audit;

import io.quarkus.panache.common.Parameters;
import io.tenantry.controlplane.web.Paging;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;

/** Filters for listing and exporting the audit log; every one is optional. */
public class AuditFilter {

  @QueryParam("actor")
  public String actor;

  @QueryParam("action")
  public String action;

  @QueryParam("tenant")
  public String tenant;

  @QueryParam("outcome")
  public String outcome;

  /** Inclusive lower bound, ISO-8601. */
  @QueryParam("from")
  public String from;

  /** Exclusive upper bound, ISO-8601. */
  @QueryParam("to")
  public String to;

  String query() {
    List<String> clauses = new ArrayList<>();
    if (actor != null) {
      clauses.add("actor = :actor");
    }
    if (action != null) {
      clauses.add("action = :action");
    }
    if (tenant != null) {
      clauses.add("tenant = :tenant");
    }
    if (outcome != null) {
      clauses.add("outcome = :outcome");
    }
    if (Paging.instant("from", from) != null) {
      clauses.add("occurredAt >= :from");
    }
    if (Paging.instant("to", to) != null) {
      clauses.add("occurredAt < :to");
    }
    return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
  }

  Parameters parameters() {
    Parameters parameters = new Parameters();
    putIfSet(parameters, "actor", actor);
    putIfSet(parameters, "action", action);
    putIfSet(parameters, "tenant", tenant);
    putIfSet(parameters, "outcome", outcome);
    putIfSet(parameters, "from", Paging.instant("from", from));
    putIfSet(parameters, "to", Paging.instant("to", to));
    return parameters;
  }

  private static void putIfSet(Parameters parameters, String name, Object value) {
    if (value != null) {
      parameters.and(name, value);
    }
  }
}
