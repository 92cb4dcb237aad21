package io.tenantry.controlplane.licensing;

import java.util.Locale;

/** How a license is sold; only a perpetual license has no end date. */
public enum LicenseType {
  TRIAL,
  SUBSCRIPTION,
  PERPETUAL;

  public static final String PATTERN = "trial|subscription|perpetual";
  public static final String RULE = "must be one of trial, subscription, perpetual";

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LicenseType of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
