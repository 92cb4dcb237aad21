package io.tenantry.common.problem;

import java.util.Map;

/** Thrown by services to answer with a specific problem document. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final Long retryAfterSeconds;

  public ProblemException(Problem problem) {
    this(problem, null);
  }

  /** {@code retryAfterSeconds}, when not null, becomes the {@code Retry-After} header. */
  public ProblemException(Problem problem, Long retryAfterSeconds) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Problem problem() {
    return problem;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ProblemException invalid(String field, String rule) {
    return new ProblemException(Problem.invalid(field, rule));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(
        Problem.of(404, "not-found", "Not found", what + " does not exist"));
  }

  public static ProblemException notFound(String what, Object id) {
    return notFound(what + " " + id);
  }

  public static ProblemException conflict(String kind, String detail) {
    return new ProblemException(Problem.of(409, kind, "Conflict", detail));
  }

  public static ProblemException conflict(
      String kind, String detail, Map<String, Object> extensions) {
    Problem problem = Problem.of(409, kind, "Conflict", detail);
    return new ProblemException(
        new Problem(problem.type(), problem.title(), 409, detail, problem.errors(), extensions));
  }

  public static ProblemException unauthorized(String kind, String detail) {
    return new ProblemException(Problem.of(401, kind, "Unauthorized", detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
  }
}
