package io.tenantry.controlplane.web;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two requests that passed a service's own existence check at once (one slug, one e-mail): the
 * database keeps the first and the second gets the 409 a sequential duplicate gets, never a 500.
 * Every other unexpected failure goes on to the shared opaque 500.
 */
public class UniqueViolations {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");

  @ServerExceptionMapper
  public Response conflictOrInternal(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return conflictOn(constraintOf(sql)).toResponse();
      }
    }
    return ProblemMappers.internal(e);
  }

  private static String constraintOf(SQLException e) {
    Matcher matcher = CONSTRAINT.matcher(String.valueOf(e.getMessage()));
    return matcher.find() ? matcher.group(1) : "";
  }

  private static Problem conflictOn(String constraint) {
    if (constraint.startsWith("tenants_slug")) {
      return Problem.of(409, "slug-taken", "Conflict", "a tenant with this slug already exists");
    }
    if (constraint.startsWith("platform_users_email")) {
      return Problem.of(409, "user-exists", "Conflict", "a user with this email already exists");
    }
    return Problem.of(409, "conflict", "Conflict", "the record already exists");
  }
}
