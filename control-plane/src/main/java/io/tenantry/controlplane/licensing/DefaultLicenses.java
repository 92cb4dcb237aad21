package io.tenantry.controlplane.licensing;

import io.quarkus.arc.Arc;
import io.tenantry.controlplane.plans.PlanCatalogue;
import io.tenantry.controlplane.plans.PlansConfig.PlanDefinition;
import io.tenantry.controlplane.tenants.LifecycleState;
import io.tenantry.controlplane.tenants.TenantChanged;
import io.tenantry.controlplane.tenants.TenantPush;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Gives every tenant the license its plan starts with. A tenant created through the API gets it in
 * the transaction that creates it (this observes {@link TenantChanged}, fired there); a tenant
 * adopted from the cluster gets it on first read or from the expiry job's next run.
 */
@ApplicationScoped
public class DefaultLicenses {

  static final String CREATE = "license.create";

  private final PlanCatalogue plans;
  private final LicenseHistory history;
  private final TenantPush push;
  private final EntityManager em;
  private final Clock clock;
  private final Instance<RequestContext> request;

  DefaultLicenses(
      PlanCatalogue plans,
      LicenseHistory history,
      TenantPush push,
      EntityManager em,
      Clock clock,
      Instance<RequestContext> request) {
    this.plans = plans;
    this.history = history;
    this.push = push;
    this.em = em;
    this.clock = clock;
    this.request = request;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onTenantChanged(@Observes TenantChanged event) {
    TenantRecord.findBySlug(event.slug())
        .ifPresent(
            tenant -> ensure(tenant, justCreated(tenant) ? Origin.WITH_TENANT : Origin.ON_ITS_OWN));
  }

  /** Licenses for every tenant that has none (adopted from the cluster); returns how many. */
  @Transactional
  public int ensureMissing() {
    List<TenantRecord> unlicensed =
        TenantRecord.list(
            "state in ?1 and id not in (select l.tenantId from License l)",
            List.of(LifecycleState.ACTIVE, LifecycleState.SUSPENDED));
    unlicensed.forEach(this::ensure);
    return unlicensed.size();
  }

  /**
   * The tenant's license, created from its plan when it has none (an adopted tenant): audited on
   * its own and written to the Tenant resource.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public License ensure(TenantRecord tenant) {
    return ensure(tenant, Origin.ON_ITS_OWN);
  }

  /** Why a license is being created. */
  private enum Origin {
    /** With a new tenant: the tenant's own audit entry and Tenant write cover it. */
    WITH_TENANT,
    /** Later, for a tenant that has none: audited and pushed by itself. */
    ON_ITS_OWN
  }

  /** Safe against a concurrent creator: the insert does nothing when the row already exists. */
  private License ensure(TenantRecord tenant, Origin origin) {
    License existing = License.findById(tenant.id);
    if (existing != null) {
      return existing;
    }
    License fresh = defaultFor(tenant);
    em.flush();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO licenses (tenant_id, type, seats, expires_at, grace_period_days,"
                    + " status, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    + " ON CONFLICT (tenant_id) DO NOTHING")
            .setParameter(1, fresh.tenantId)
            .setParameter(2, fresh.type)
            .setParameter(3, fresh.seats)
            .setParameter(4, fresh.expiresAt)
            .setParameter(5, fresh.gracePeriodDays)
            .setParameter(6, fresh.status)
            .setParameter(7, fresh.updatedAt)
            .setParameter(8, fresh.updatedBy)
            .executeUpdate();
    License license = License.findById(tenant.id);
    if (inserted == 1) {
      Map<String, Object> changes = Map.of("plan", LicenseHistory.change(null, tenant.plan));
      if (origin == Origin.WITH_TENANT) {
        history.append(license, CREATE, fresh.updatedBy, changes, fresh.updatedAt);
      } else {
        history.record(tenant.slug, license, CREATE, fresh.updatedBy, changes, fresh.updatedAt);
        push.request(tenant);
      }
    }
    return license;
  }

  /** A record no change has touched since its creation: the event is its creation. */
  private static boolean justCreated(TenantRecord tenant) {
    return tenant.createdAt != null && tenant.createdAt.equals(tenant.updatedAt);
  }

  private License defaultFor(TenantRecord tenant) {
    PlanDefinition plan = plans.get(tenant.plan);
    Instant now = clock.instant();
    License license = new License();
    license.tenantId = tenant.id;
    license.type = plan.license().type();
    license.seats = plan.seatsIncluded();
    license.expiresAt =
        LicenseType.of(license.type) == LicenseType.PERPETUAL
            ? null
            : now.plus(plan.license().term());
    license.gracePeriodDays = plan.license().gracePeriodDays();
    license.status = LicenseTerms.statusAt(license.expiresAt, license.gracePeriodDays, now).value();
    license.updatedAt = now;
    license.updatedBy = actor();
    return license;
  }

  private String actor() {
    return Arc.container().requestContext().isActive() ? request.get().actor() : "system";
  }
}
