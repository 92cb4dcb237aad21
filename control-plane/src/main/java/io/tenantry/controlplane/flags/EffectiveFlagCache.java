package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.flags.FlagViews.EffectiveFlags;
import java.util.Optional;

/** Effective flags per tenant, computed once and kept until something they depend on changes. */
public interface EffectiveFlagCache {

  Optional<EffectiveFlags> get(String slug);

  void put(String slug, EffectiveFlags flags);

  /** Forgets one tenant's flags. */
  void evict(String slug);

  /** Forgets every tenant's flags: a global switch changed. */
  void evictAll();
}
