package io.tenantry.tenantapp.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One rejected field and the rule it broke. */
  public record FieldError(String field, String rule) {}

  public static Problem validation(List<FieldError> errors) {
    String detail =
        String.join("; ", errors.stream().map(e -> e.field() + ": " + e.rule()).toList());
    return new Problem(
        "urn:tenantry:problem:validation",
        "Invalid request",
        400,
        detail,
        Map.of("errors", errors));
  }

  @JsonAnyGetter
  public Map<String, Object> extensions() {
    return extensions;
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
