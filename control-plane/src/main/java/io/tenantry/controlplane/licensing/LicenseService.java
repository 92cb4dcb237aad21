package io.tenantry.controlplane.licensing;

import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.licensing.LicenseViews.HistoryView;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.tenants.TenantPush;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.web.Dates;
import io.tenantry.controlplane.web.RequestContext;
import io.tenantry.crds.v1alpha1.LicenseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A tenant's license: read, replace, history. Every change is kept in the history, audited and
 * rewrites the tenant's signed entitlements.
 */
@ApplicationScoped
public class LicenseService {

  static final String UPDATE = "license.update";

  private final DefaultLicenses defaults;
  private final LicenseHistory history;
  private final TenantPush push;
  private final LicensingConfig config;
  private final Clock clock;
  private final Instance<RequestContext> request;

  LicenseService(
      DefaultLicenses defaults,
      LicenseHistory history,
      TenantPush push,
      LicensingConfig config,
      Clock clock,
      Instance<RequestContext> request) {
    this.defaults = defaults;
    this.history = history;
    this.push = push;
    this.config = config;
    this.clock = clock;
    this.request = request;
  }

  /** The license of {@code slug}; a tenant without one (adopted) gets its plan's default. */
  @Transactional
  public LicenseView get(String slug) {
    TenantRecord tenant = tenant(slug);
    return LicenseView.of(slug, tenant.plan, defaults.ensure(tenant));
  }

  @Transactional
  public LicenseView replace(String slug, LicenseRequests.Replace body) {
    Instant expiresAt = checked(body);
    TenantRecord tenant = tenant(slug);
    defaults.ensure(tenant);
    License license = License.findById(tenant.id, LockModeType.PESSIMISTIC_WRITE);
    int grace = body.gracePeriodDays() == null ? license.gracePeriodDays : body.gracePeriodDays();
    Instant now = clock.instant();
    String status = statusOf(body.status(), expiresAt, grace, now);
    Map<String, Object> changes = new TreeMap<>();
    compare(changes, "type", license.type, body.type());
    compare(changes, "seats", license.seats, body.seats());
    compare(changes, "expiresAt", license.expiresAt, expiresAt);
    compare(changes, "gracePeriodDays", license.gracePeriodDays, grace);
    compare(changes, "status", license.status, status);
    if (changes.isEmpty()) {
      return LicenseView.of(slug, tenant.plan, license);
    }
    license.type = body.type();
    license.seats = body.seats();
    license.expiresAt = expiresAt;
    license.gracePeriodDays = grace;
    license.status = status;
    license.updatedAt = now;
    license.updatedBy = actor();
    history.record(slug, license, UPDATE, license.updatedBy, changes, now);
    push.request(tenant);
    return LicenseView.of(slug, tenant.plan, license);
  }

  /** The license's history, newest first. */
  @Transactional
  public LicenseViews.Page<HistoryView> history(String slug, int page, int size) {
    TenantRecord tenant = tenant(slug);
    var found =
        LicenseHistoryEntry.<LicenseHistoryEntry>find("tenantId", Sort.descending("id"), tenant.id)
            .page(Page.of(page, size));
    return new LicenseViews.Page<>(
        found.list().stream().map(HistoryView::of).toList(), page, size, found.count());
  }

  /** Checks what annotations cannot: sizes from config, the date and its presence by type. */
  private Instant checked(LicenseRequests.Replace body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (body.seats() > config.maxSeats()) {
      errors.add(new Problem.FieldError("seats", "must be at most " + config.maxSeats()));
    }
    if (body.gracePeriodDays() != null && body.gracePeriodDays() > config.maxGracePeriodDays()) {
      errors.add(
          new Problem.FieldError(
              "gracePeriodDays", "must be at most " + config.maxGracePeriodDays()));
    }
    Instant expiresAt = null;
    boolean perpetual = LicenseType.of(body.type()) == LicenseType.PERPETUAL;
    if (perpetual && body.expiresAt() != null) {
      errors.add(new Problem.FieldError("expiresAt", "must be absent for a perpetual license"));
    } else if (!perpetual && body.expiresAt() == null) {
      errors.add(
          new Problem.FieldError("expiresAt", "is required for a " + body.type() + " license"));
    } else if (body.expiresAt() != null) {
      try {
        expiresAt =
            OffsetDateTime.parse(body.expiresAt()).toInstant().truncatedTo(ChronoUnit.MICROS);
        if (!Dates.inRange(expiresAt)) {
          errors.add(new Problem.FieldError("expiresAt", Dates.RANGE_RULE));
          expiresAt = null;
        }
      } catch (DateTimeParseException e) {
        errors.add(
            new Problem.FieldError(
                "expiresAt", "must be an RFC 3339 date-time like 2027-01-31T00:00:00Z"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    return expiresAt;
  }

  /** An admin may suspend or revoke; otherwise the dates decide between active, grace, expired. */
  private static String statusOf(String requested, Instant expiresAt, int grace, Instant now) {
    if (requested != null && !requested.equals(LicenseStatus.ACTIVE.value())) {
      return LicenseStatus.valueOf(requested.toUpperCase(Locale.ROOT)).value();
    }
    return LicenseTerms.statusAt(expiresAt, grace, now).value();
  }

  private static void compare(Map<String, Object> changes, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      changes.put(field, LicenseHistory.change(from, to));
    }
  }

  static TenantRecord tenant(String slug) {
    return TenantRecord.findBySlug(slug)
        .orElseThrow(() -> ProblemException.notFound("tenant " + slug));
  }

  private String actor() {
    return Arc.container().requestContext().isActive() ? request.get().actor() : "system";
  }
}
