package io.tenantry.tenantapp.web;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field errors for forms, from the rules the API enforces: the Bean Validation constraints on the
 * API's request records, and the field errors a service's problem carries. Keys are the API's field
 * names, so each error lands beside its input.
 */
@ApplicationScoped
public class Forms {

  private final Validator validator;

  Forms(Validator validator) {
    this.validator = validator;
  }

  /** Field → rule for each constraint {@code request} breaks; empty when valid. */
  public Map<String, String> validate(Object request) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ConstraintViolation<Object> violation : validator.validate(request)) {
      errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
    }
    return errors;
  }

  /** The field errors of a service's 400 problem, or its detail under "" for any other. */
  public static Map<String, String> errorsOf(ProblemException problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Problem.FieldError error : problem.problem().errors()) {
      errors.putIfAbsent(error.field(), error.rule());
    }
    if (errors.isEmpty()) {
      errors.put("", problem.getMessage());
    }
    return errors;
  }
}
