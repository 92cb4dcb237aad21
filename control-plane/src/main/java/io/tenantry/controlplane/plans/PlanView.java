package io.tenantry.controlplane.plans;

import java.util.SortedSet;

/** A plan as the API shows it. */
public record PlanView(
    String name,
    int seatsIncluded,
    SortedSet<String> allowedFlags,
    SortedSet<String> includedFlags,
    String resourceTier,
    LicenseTerms defaultLicense) {

  /** The license a new tenant on the plan starts with. */
  public record LicenseTerms(String type, long termDays, int gracePeriodDays) {}
}
