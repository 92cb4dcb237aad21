package io.tenantry.controlplane.tenants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Asks {@link ClusterWriter} to rewrite a Tenant resource after the current transaction commits,
 * for features whose state lives beside the tenant record (licenses, flags).
 */
@ApplicationScoped
public class TenantPush {

  private static final List<LifecycleState> LIVE =
      List.of(LifecycleState.ACTIVE, LifecycleState.SUSPENDED);

  private final Event<TenantChanged> changed;

  TenantPush(Event<TenantChanged> changed) {
    this.changed = changed;
  }

  /** Marks {@code tenant} for a push; a tenant being deleted or gone is left alone. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void request(TenantRecord tenant) {
    if (!LIVE.contains(tenant.state)) {
      return;
    }
    tenant.pushPending = true;
    // A new updatedAt keeps a push already under way from clearing the flag for this change.
    tenant.updatedAt = Instant.now();
    changed.fire(new TenantChanged(tenant.slug));
  }

  /** Marks every live tenant; the writer's retry tick pushes them. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int requestAll() {
    return TenantRecord.update(
        "pushPending = true, updatedAt = ?1 where state in ?2", Instant.now(), LIVE);
  }
}
