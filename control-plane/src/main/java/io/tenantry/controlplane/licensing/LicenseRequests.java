package io.tenantry.controlplane.licensing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Request bodies of the license API. */
public final class LicenseRequests {

  static final String SETTABLE_STATUS = "active|suspended|revoked";
  static final String SETTABLE_STATUS_RULE =
      "must be active, suspended or revoked; grace and expired follow from expiresAt and"
          + " gracePeriodDays";

  private LicenseRequests() {}

  /**
   * The whole license. {@code expiresAt} is an RFC 3339 instant, required for trial and
   * subscription and absent for perpetual; {@code gracePeriodDays} defaults to the plan's; {@code
   * status} defaults to active, which becomes grace or expired when the dates say so.
   */
  public record Replace(
      @NotNull @Pattern(regexp = LicenseType.PATTERN, message = LicenseType.RULE) String type,
      @NotNull @Min(value = 0, message = "must be 0 or more") Integer seats,
      String expiresAt,
      @Min(value = 0, message = "must be 0 or more") Integer gracePeriodDays,
      @Pattern(regexp = SETTABLE_STATUS, message = SETTABLE_STATUS_RULE) String status) {}
}
