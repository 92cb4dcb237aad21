package io.tenantry.tenantapp.db;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A constraint the services do not check first (uniqueness, or a row that vanished between the
 * check and the write) is a 409; any other database failure is a 500.
 */
public class DataProblems {

  @ServerExceptionMapper
  public Response data(DataException e) {
    String constraint = e.constraint().orElse("unknown");
    if (e.uniqueViolation()) {
      String field = fieldOfConstraint(constraint);
      return ProblemException.conflict(
              "duplicate",
              "a record with the same " + field + " already exists",
              Map.of("field", field))
          .problem()
          .toResponse();
    }
    if (e.integrityViolation()) {
      return ProblemException.conflict("constraint", "the change conflicts with " + constraint)
          .problem()
          .toResponse();
    }
    return ProblemMappers.internal(e);
  }

  /** The field whose unique value {@code e} found taken, by its API name ("accountNumber"). */
  public static String fieldOf(DataException e) {
    return fieldOfConstraint(e.constraint().orElse("unknown"));
  }

  private static String fieldOfConstraint(String constraint) {
    // unique constraints are named <table>_<column>_key by PostgreSQL
    String name = constraint.replaceFirst("_key$", "");
    for (String prefix :
        List.of("subscribers_", "devices_", "invoices_", "staff_users_", "tickets_")) {
      if (name.startsWith(prefix)) {
        return snakeToCamel(name.substring(prefix.length()));
      }
    }
    return snakeToCamel(name);
  }

  private static String snakeToCamel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
