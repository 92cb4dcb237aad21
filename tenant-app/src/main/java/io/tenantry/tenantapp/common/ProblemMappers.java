package io.tenantry.tenantapp.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem+json: field-level 400s, 409s for duplicates, opaque 500s. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.toProblem().toResponse();
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.validation(errors).toResponse();
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e) {
    String field = "body";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
    }
    return Problem.validation(
            List.of(new Problem.FieldError(field, "is not readable as the expected type")))
        .toResponse();
  }

  /**
   * Quarkus maps these two itself (as plain JSON); the more specific mapper keeps them problems.
   */
  @ServerExceptionMapper
  public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response malformed(com.fasterxml.jackson.core.JsonParseException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException unreadable) {
      return unreadable(unreadable);
    }
    int status = e.getResponse().getStatus();
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "HTTP " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    return new Problem("about:blank", title, status, null, Map.of()).toResponse();
  }

  /**
   * A constraint the services do not check first (uniqueness, or a row that vanished between the
   * check and the write) is a 409; any other database failure is a 500.
   */
  @ServerExceptionMapper
  public Response data(DataException e) {
    String constraint = e.constraint().orElse("unknown");
    if (e.uniqueViolation()) {
      String field = fieldOfConstraint(constraint);
      return ProblemException.conflict(
              "duplicate",
              "a record with the same " + field + " already exists",
              Map.of("field", field))
          .toProblem()
          .toResponse();
    }
    if (e.integrityViolation()) {
      return ProblemException.conflict(
              "constraint", "the change conflicts with " + constraint, Map.of())
          .toProblem()
          .toResponse();
    }
    return unexpected(e);
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e) {
    LOG.error("unhandled error", e);
    return new Problem(
            "urn:tenantry:problem:internal",
            "Internal error",
            500,
            "the request could not be completed",
            Map.of())
        .toResponse();
  }

  private static String fieldOf(ConstraintViolation<?> violation) {
    // the path starts with the method and parameter names ("create.body.lines[0].unitPrice");
    // clients know only the JSON field or query parameter
    List<jakarta.validation.Path.Node> nodes =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
    if (nodes.size() <= 2) {
      return nodes.getLast().getName();
    }
    StringBuilder field = new StringBuilder();
    for (jakarta.validation.Path.Node node : nodes.subList(2, nodes.size())) {
      if (node.isInIterable() && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return field.toString();
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
