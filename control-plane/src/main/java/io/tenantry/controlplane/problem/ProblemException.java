package io.tenantry.controlplane.problem;

import java.util.List;

/** Thrown by services to answer with a specific problem document. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final Long retryAfterSeconds;

  public ProblemException(Problem problem) {
    this(problem, null);
  }

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

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(
        Problem.of(404, "not-found", "Not found", what + " does not exist"));
  }

  public static ProblemException conflict(String kind, String detail) {
    return new ProblemException(Problem.of(409, kind, "Conflict", detail));
  }

  public static ProblemException unauthorized(String kind, String detail) {
    return new ProblemException(Problem.of(401, kind, "Unauthorized", detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
  }
}
