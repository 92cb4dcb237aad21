package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.tenants.TenantChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Evicts cached effective flags once a change that affects them committed: an override, a license
 * or plan change (all announced as {@link TenantChanged}), or a global switch.
 */
@ApplicationScoped
public class FlagCacheInvalidation {

  private final EffectiveFlagCache cache;

  FlagCacheInvalidation(EffectiveFlagCache cache) {
    this.cache = cache;
  }

  void tenantChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged event) {
    cache.evict(event.slug());
  }

  void globalChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) GlobalFlagsChanged event) {
    cache.evictAll();
  }
}
