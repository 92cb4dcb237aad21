package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.flags.FlagViews.EffectiveFlags;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Effective flags in process memory, for single-instance local runs without Redis. Changes made
 * through another instance are not seen here, which is why it is for local runs only.
 */
class LocalFlagCache implements EffectiveFlagCache {

  private final Map<String, EffectiveFlags> flags = new ConcurrentHashMap<>();

  @Override
  public Optional<EffectiveFlags> get(String slug) {
    return Optional.ofNullable(flags.get(slug));
  }

  @Override
  public void put(String slug, EffectiveFlags value) {
    flags.put(slug, value);
  }

  @Override
  public void evict(String slug) {
    flags.remove(slug);
  }

  @Override
  public void evictAll() {
    flags.clear();
  }
}
