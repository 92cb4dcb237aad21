package io.tenantry.controlplane.licensing;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/** What the license API shows. */
public final class LicenseViews {

  private LicenseViews() {}

  /** A tenant's license; {@code graceEndsAt} is when a past-due license becomes expired. */
  public record LicenseView(
      String tenant,
      String plan,
      String type,
      int seats,
      Instant expiresAt,
      int gracePeriodDays,
      Instant graceEndsAt,
      String status,
      Instant updatedAt,
      String updatedBy) {

    static LicenseView of(String slug, String plan, License license) {
      return new LicenseView(
          slug,
          plan,
          license.type,
          license.seats,
          license.expiresAt,
          license.gracePeriodDays,
          license.expiresAt == null
              ? null
              : LicenseTerms.graceEndOf(license.expiresAt, license.gracePeriodDays),
          license.status,
          license.updatedAt,
          license.updatedBy);
    }
  }

  /** One history row: who, when, what changed and the license afterwards. */
  public record HistoryView(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      @JsonRawValue String changes,
      String type,
      int seats,
      Instant expiresAt,
      int gracePeriodDays,
      String status) {

    static HistoryView of(LicenseHistoryEntry entry) {
      return new HistoryView(
          entry.id,
          entry.occurredAt,
          entry.actor,
          entry.action,
          entry.changes,
          entry.type,
          entry.seats,
          entry.expiresAt,
          entry.gracePeriodDays,
          entry.status);
    }
  }

  /** One page of a list. */
  public record Page<T>(List<T> items, int page, int size, long total) {}
}
