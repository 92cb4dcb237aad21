package io.tenantry.controlplane.console.shell;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a form shows again after a refused submit: the values typed and, beside each field, the
 * message of the rule it broke, taken from the same bean validation and problem documents as the
 * API's answers.
 */
public final class Form {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private String general;

  public static Form empty() {
    return new Form();
  }

  public Form with(String field, String value) {
    values.put(field, value);
    return this;
  }

  public Form error(String field, String message) {
    errors.merge(field, message, (a, b) -> a + "; " + b);
    return this;
  }

  public Form general(String message) {
    this.general = message;
    return this;
  }

  /** Adds the violations of a request record, named by the field as the API names them. */
  public Form violations(Set<? extends ConstraintViolation<?>> violations) {
    // Sorted, so that a field breaking two rules always reads the same.
    violations.stream()
        .map(v -> Map.entry(fieldOf(v.getPropertyPath()), v.getMessage()))
        .sorted(
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
        .forEach(e -> error(e.getKey(), e.getValue()));
    return this;
  }

  /** A service's refusal: field errors beside their fields, anything else above the form. */
  public Form problem(ProblemException e) {
    Problem problem = e.problem();
    if (problem.errors() == null || problem.errors().isEmpty()) {
      return general(problem.detail());
    }
    problem.errors().forEach(f -> error(f.field(), f.rule()));
    return this;
  }

  public boolean valid() {
    return errors.isEmpty() && general == null;
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public String errorOf(String field) {
    return errors.get(field);
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public String getGeneral() {
    return general;
  }

  private static String fieldOf(Path path) {
    String field = "body";
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        field = node.getName();
      }
    }
    return field;
  }
}
