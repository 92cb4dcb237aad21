package io.tenantry.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tenantry.common.causes.Causes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json: field-level 400s naming the field and the rule, and opaque
 * 500s. Clients never see a stack trace, an exception class name or the text of an unexpected
 * exception. Quarkus finds these mappers because each service indexes this jar.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  // Jackson's wording with JsonParser.Feature.STRICT_DUPLICATE_DETECTION
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.{1,200})'");

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.problem().toResponse(e.retryAfterSeconds());
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.invalid(errors).toResponse();
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e) {
    return Problem.invalid(pathOf(e), "is not a known field").toResponse();
  }

  /** Quarkus maps this one itself (as plain JSON); the more specific mapper keeps it a problem. */
  @ServerExceptionMapper
  public Response wrongType(MismatchedInputException e) {
    String expected =
        e.getTargetType() == null ? "a different type" : e.getTargetType().getSimpleName();
    return Problem.invalid(pathOf(e), "must be of type " + expected.toLowerCase(Locale.ROOT))
        .toResponse();
  }

  /** Quarkus maps this one itself too. A key twice in one object is named (strict parsers). */
  @ServerExceptionMapper
  public Response malformed(JsonParseException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response invalidValue(InvalidValue e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e) {
    if (e instanceof InvalidValue invalid) {
      return Problem.invalid(pathOf(invalid), invalid.rule()).toResponse();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown);
    }
    if (e instanceof MismatchedInputException mismatch) {
      return wrongType(mismatch);
    }
    if (e instanceof JsonParseException parse) {
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(parse.getOriginalMessage()));
      if (duplicate.matches()) {
        return Problem.invalid(duplicate.group(1), "must appear only once").toResponse();
      }
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return Problem.invalid(pathOf(mapping), "could not be read").toResponse();
    }
    return Problem.invalid("body", "must be well-formed JSON").toResponse();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    var json = Causes.find(e, JsonProcessingException.class);
    if (json.isPresent()) {
      return unreadable(json.get());
    }
    int status = e.getResponse().getStatus();
    if (status < 400) {
      return e.getResponse(); // a redirect or the like, not a failure
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    String kind = title.toLowerCase(Locale.ROOT).replace(' ', '-');
    return Problem.of(status, kind, title, title).toResponse();
  }

  /** The last resort: every other mapper is more specific, so this one loses every tie. */
  @ServerExceptionMapper(priority = Priorities.USER + 1000)
  public Response unexpected(Throwable e) {
    return internal(e);
  }

  /** A failure that is not the client's: logged here, opaque to the client. */
  public static Response internal(Throwable e) {
    LOG.error("unexpected failure", e);
    return Problem.of(500, "internal", "Internal error", "the request failed; see the server log")
        .toResponse();
  }

  private static String pathOf(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "body" : path.replace(".[", "[");
  }

  /**
   * The field as the client wrote it: the JSON path inside a body ({@code lines[0].unitPrice}), or
   * the parameter's name. The method and the body parameter's Java name mean nothing to a client.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> parameter = node.getName();
        case PROPERTY -> {
          // an object in a list is named by its index (lines[0].unitPrice); a plain value in a
          // list (a container element) is named by the list
          if (!field.isEmpty() && node.isInIterable() && node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          }
          field.append(field.isEmpty() ? "" : ".").append(node.getName());
        }
        default -> {
          // the method, a return value, a list's element: not a name the client sent
        }
      }
    }
    if (!field.isEmpty()) {
      return field.toString();
    }
    return parameter == null ? "body" : parameter;
  }
}
