package io.tenantry.tenantapp.problem;

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

/**
 * Turns every failure into problem+json: field-level 400s and opaque 500s ({@code db.DataProblems}
 * adds the 409s for duplicates).
 */
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

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e) {
    return internal(e);
  }

  /** A failure that is not the client's: logged here, opaque to the client. */
  public static Response internal(Throwable e) {
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
}
