package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The commercial plan; it selects the resource tier, seats included and features allowed. */
public enum Plan {
  FREE,
  STARTER,
  PROFESSIONAL,
  ENTERPRISE;

  @JsonValue
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses the wire value ({@code free}, {@code starter}, …); null for anything else. */
  public static Plan fromValue(String value) {
    for (Plan plan : values()) {
      if (plan.value().equals(value)) {
        return plan;
      }
    }
    return null;
  }
}
