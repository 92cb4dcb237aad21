package io.tenantry.controlplane.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Clients never see a stack trace, an exception class name
 * or the text of an unexpected exception.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** Builds the response for a problem; the one place that sets the media type. */
  public static Response response(Problem problem, Long retryAfterSeconds) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (retryAfterSeconds != null) {
      builder.header("Retry-After", retryAfterSeconds);
    }
    return builder.build();
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return response(e.problem(), e.retryAfterSeconds());
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return response(Problem.invalid(errors), null);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e) {
    return invalidField(pathOf(e), "is not a known field");
  }

  @ServerExceptionMapper
  public Response wrongType(MismatchedInputException e) {
    String field = pathOf(e);
    String expected =
        e.getTargetType() == null ? "a different type" : e.getTargetType().getSimpleName();
    return invalidField(field, "must be of type " + expected.toLowerCase(java.util.Locale.ROOT));
  }

  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return invalidField(pathOf(mapping), "could not be read");
    }
    return invalidField("body", "must be well-formed JSON");
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return json instanceof MismatchedInputException mismatch
          ? wrongType(mismatch)
          : malformed(json);
    }
    int status = e.getResponse().getStatus();
    if (status < 400) {
      return e.getResponse();
    }
    Response.StatusType info = e.getResponse().getStatusInfo();
    String kind = info.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return response(Problem.of(status, kind, info.getReasonPhrase(), info.getReasonPhrase()), null);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    LOG.error("unexpected failure", e);
    return response(
        Problem.of(500, "internal", "Internal error", "the request failed; see the server log"),
        null);
  }

  private static Response invalidField(String field, String message) {
    return response(Problem.invalid(List.of(new Problem.FieldError(field, message))), null);
  }

  private static String pathOf(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "body" : path;
  }

  private static String fieldOf(ConstraintViolation<?> violation) {
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
          || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        field = node.getName();
      }
    }
    return field == null ? "body" : field;
  }
}
