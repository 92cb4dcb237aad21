package io.tenantry.controlplane.web;

import io.tenantry.common.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses query parameters by hand so that a malformed one is a 400 naming it; JAX-RS would answer
 * 404 for a query parameter it cannot convert.
 */
public final class Paging {

  /** A page request: zero-based page number and page size. */
  public record Page(int page, int size) {}

  private Paging() {}

  public static Page of(String page, String size, int defaultSize, int maxSize) {
    int number = integer("page", page, 0);
    int length = integer("size", size, defaultSize);
    if (number < 0) {
      throw ProblemException.invalid("page", "must be 0 or more");
    }
    if (length < 1 || length > maxSize) {
      throw ProblemException.invalid("size", "must be between 1 and " + maxSize);
    }
    return new Page(number, length);
  }

  /** An ISO-8601 instant, or null when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant parsed;
    try {
      parsed = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name, "must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
    }
    if (!Dates.inRange(parsed)) {
      throw ProblemException.invalid(name, Dates.RANGE_RULE);
    }
    return parsed;
  }

  private static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(name, "must be a whole number");
    }
  }
}
