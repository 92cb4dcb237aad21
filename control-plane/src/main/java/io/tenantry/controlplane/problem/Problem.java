package io.tenantry.controlplane.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable per error kind so that clients can branch on
 * it; {@code errors} names each offending field and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://tenantry.io/problems/";

  /** One field that broke one rule. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String kind, String title, String detail) {
    return new Problem(TYPE_BASE + kind, title, status, detail, List.of());
  }

  public static Problem invalid(List<FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("the request is invalid");
    return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, errors);
  }
}
