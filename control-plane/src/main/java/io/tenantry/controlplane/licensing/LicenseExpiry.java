package io.tenantry.controlplane.licensing;

import io.tenantry.controlplane.tenants.TenantPush;
import io.tenantry.controlplane.tenants.TenantRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves licenses past their end date to grace, and past their grace period to expired; trials end
 * the same way. Safe with several control plane instances: each run locks the licenses it handles
 * with {@code FOR UPDATE SKIP LOCKED}, so a license is taken by exactly one run, and a run that
 * comes after finds it already moved.
 */
@ApplicationScoped
public class LicenseExpiry {

  /** The actor in history and audit entries of the job. */
  public static final String ACTOR = "license-expiry";

  static final String STATUS = "license.status";

  private final EntityManager em;
  private final LicenseHistory history;
  private final TenantPush push;
  private final LicensingConfig config;
  private final Clock clock;

  LicenseExpiry(
      EntityManager em,
      LicenseHistory history,
      TenantPush push,
      LicensingConfig config,
      Clock clock) {
    this.em = em;
    this.history = history;
    this.push = push;
    this.config = config;
    this.clock = clock;
  }

  /** One run; returns how many licenses changed status. */
  @Transactional
  public int run() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<UUID> due =
        em.createNativeQuery(
                "SELECT tenant_id FROM licenses WHERE status IN ('active', 'grace')"
                    + " AND expires_at <= ?1 ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                UUID.class)
            .setParameter(1, now)
            .setParameter(2, config.expiryBatchSize())
            .getResultList();
    int moved = 0;
    for (UUID id : due) {
      if (advance(License.findById(id), now)) {
        moved++;
      }
    }
    return moved;
  }

  private boolean advance(License license, Instant now) {
    String target = LicenseTerms.statusAt(license.expiresAt, license.gracePeriodDays, now).value();
    if (target.equals(license.status)) {
      return false;
    }
    TenantRecord tenant = TenantRecord.findById(license.tenantId);
    Map<String, Object> changes = Map.of("status", LicenseHistory.change(license.status, target));
    license.status = target;
    license.updatedAt = now;
    license.updatedBy = ACTOR;
    history.record(tenant.slug, license, STATUS, ACTOR, changes, now);
    push.request(tenant);
    return true;
  }
}
