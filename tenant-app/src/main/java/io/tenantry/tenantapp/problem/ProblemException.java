package io.tenantry.tenantapp.problem;

import java.util.Map;

/** A client error that becomes an RFC 9457 problem document with a stable {@code type}. */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions;

  public ProblemException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = extensions;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        404, "not-found", "Not found", what + " " + id + " does not exist", Map.of());
  }

  public static ProblemException invalid(String field, String rule) {
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + rule,
        Map.of("errors", java.util.List.of(new Problem.FieldError(field, rule))));
  }

  public static ProblemException conflict(
      String type, String detail, Map<String, Object> extensions) {
    return new ProblemException(409, type, "Conflict", detail, extensions);
  }

  public Problem toProblem() {
    return new Problem("urn:tenantry:problem:" + type, title, status, getMessage(), extensions);
  }

  public int status() {
    return status;
  }
}
