package io.tenantry.tenantapp.identity;

/** Lower-case constants: they are the API and database values as they stand. */
public enum StaffStatus {
  invited,
  active,
  disabled
}
