package io.tenantry.tenantapp.entitlements;

/** License state as the platform computed it. Lower-case constants: they are the wire values. */
public enum LicenseStatus {
  active,
  grace,
  expired,
  suspended,
  revoked;

  /** Whether this state alone makes the tenant read-only, whatever the dates say. */
  boolean blocksWrites() {
    return this == expired || this == suspended || this == revoked;
  }
}
