package io.tenantry.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, the one both services answer with. {@code type} is stable per error
 * kind so that clients can branch on it; {@code errors} names each offending field and the rule it
 * broke; {@code extensions} are further members written beside the standard ones (the feature that
 * is disabled, the field a duplicate was found in).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Every type this platform defines lives under this base, followed by the kind. */
  public static final String TYPE_BASE = "https://tenantry.io/problems/";

  /** One field that broke one rule. */
  public record FieldError(String field, String rule) {}

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    extensions =
        extensions == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extensions)); // keeps their order
  }

  public static Problem of(int status, String kind, String title, String detail) {
    return new Problem(TYPE_BASE + kind, title, status, detail, List.of(), Map.of());
  }

  /** A 400 listing every field that broke a rule; the detail repeats them for plain readers. */
  public static Problem invalid(List<FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.rule())
            .reduce((a, b) -> a + "; " + b)
            .orElse("the request is invalid");
    return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, errors, Map.of());
  }

  public static Problem invalid(String field, String rule) {
    return invalid(List.of(new FieldError(field, rule)));
  }

  /** A 413 for a request body above {@code maxBodyBytes}, however it arrived. */
  public static Problem bodyTooLarge(long maxBodyBytes) {
    String rule = "must be at most " + maxBodyBytes + " bytes";
    return new Problem(
        TYPE_BASE + "body-too-large",
        "Request body too large",
        413,
        "body: " + rule,
        List.of(new FieldError("body", rule)),
        Map.of());
  }

  /** A 414 for a request target (path and query) longer than {@code maxLength} characters. */
  public static Problem uriTooLong(int maxLength) {
    String rule = "must be at most " + maxLength + " characters";
    return new Problem(
        TYPE_BASE + "uri-too-long",
        "Request target too long",
        414,
        "uri: " + rule,
        List.of(new FieldError("uri", rule)),
        Map.of());
  }

  /** This problem with one more extension member. */
  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, errors, more);
  }

  @JsonAnyGetter
  @Override
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** The response for this problem; the one place that sets the media type. */
  public Response toResponse() {
    return toResponse(null);
  }

  /** With {@code Retry-After} in whole seconds, when {@code retryAfterSeconds} is not null. */
  public Response toResponse(Long retryAfterSeconds) {
    Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(this);
    if (retryAfterSeconds != null) {
      builder.header("Retry-After", retryAfterSeconds);
    }
    if (status == 401) {
      builder.header("WWW-Authenticate", challenge());
    }
    return builder.build();
  }

  /** RFC 9110 §15.5.2: every 401 names the scheme; RFC 6750 §3.1 says why a token failed. */
  private String challenge() {
    return type.endsWith("/invalid-token")
        ? "Bearer realm=\"tenantry\", error=\"invalid_token\""
        : "Bearer realm=\"tenantry\"";
  }
}
