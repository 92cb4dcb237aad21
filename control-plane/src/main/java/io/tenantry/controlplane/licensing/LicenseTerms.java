package io.tenantry.controlplane.licensing;

import io.tenantry.crds.v1alpha1.LicenseStatus;
import java.time.Duration;
import java.time.Instant;

/** What time does to a license that no admin has suspended or revoked. */
public final class LicenseTerms {

  private LicenseTerms() {}

  /**
   * active until {@code expiresAt}, grace for {@code gracePeriodDays} after it, expired from then
   * on; a license without an end date stays active.
   */
  public static LicenseStatus statusAt(Instant expiresAt, int gracePeriodDays, Instant now) {
    if (expiresAt == null || now.isBefore(expiresAt)) {
      return LicenseStatus.ACTIVE;
    }
    return now.isBefore(graceEndOf(expiresAt, gracePeriodDays))
        ? LicenseStatus.GRACE
        : LicenseStatus.EXPIRED;
  }

  public static Instant graceEndOf(Instant expiresAt, int gracePeriodDays) {
    return expiresAt.plus(Duration.ofDays(gracePeriodDays));
  }
}
