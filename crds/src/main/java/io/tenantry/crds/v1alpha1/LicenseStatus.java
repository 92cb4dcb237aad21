package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** License state as the control plane last computed it; the tenant app enforces it. */
public enum LicenseStatus {
  ACTIVE,
  GRACE,
  EXPIRED,
  SUSPENDED,
  REVOKED;

  @JsonValue
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
