package io.tenantry.tenantapp.common;

import io.tenantry.common.problem.ProblemException;
import java.util.Arrays;

/** Reads enum values from the wire with a 400 naming the field, instead of JAX-RS's bare 404. */
public final class Enums {

  private Enums() {}

  public static <S extends Enum<S>> S parse(Class<S> type, String field, String value) {
    if (value == null) {
      return null;
    }
    // toString() is the wire value (it differs from name() only where a keyword is in the way)
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.toString().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    field,
                    "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::toString).toList()));
  }
}
