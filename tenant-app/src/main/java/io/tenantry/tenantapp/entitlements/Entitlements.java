package io.tenantry.tenantapp.entitlements;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What this tenant may use: the {@code entitlements} object of the platform's signed payload, or
 * the configured defaults before one arrives.
 *
 * @param expiresAt absent for a perpetual license
 */
public record Entitlements(
    String plan,
    int seats,
    Instant expiresAt,
    int gracePeriodDays,
    LicenseStatus licenseStatus,
    Map<String, Boolean> features) {

  public Entitlements {
    features = Map.copyOf(features);
  }

  static Entitlements defaults(EntitlementsConfig.Defaults defaults) {
    Map<String, Boolean> on = new TreeMap<>();
    defaults.features().ifPresent(keys -> keys.forEach(key -> on.put(key, true)));
    return new Entitlements(
        defaults.plan(), defaults.seats(), null, 0, defaults.licenseStatus(), on);
  }

  public boolean allows(String feature) {
    return Boolean.TRUE.equals(features.get(feature));
  }

  /**
   * The license state that makes the tenant read-only at {@code now}: a blocking status, or {@code
   * expired} once the grace period after {@code expiresAt} has run out.
   */
  public Optional<LicenseStatus> readOnlyAt(Instant now) {
    if (licenseStatus.blocksWrites()) {
      return Optional.of(licenseStatus);
    }
    if (expiresAt != null && !now.isBefore(graceEndsAt())) {
      return Optional.of(LicenseStatus.expired);
    }
    return Optional.empty();
  }

  /** When the grace period after expiry ends; only meaningful with an {@code expiresAt}. */
  public Instant graceEndsAt() {
    return expiresAt.plus(Duration.ofDays(gracePeriodDays));
  }
}
