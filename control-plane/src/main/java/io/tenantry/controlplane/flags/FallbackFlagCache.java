package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.flags.FlagViews.EffectiveFlags;
import io.tenantry.controlplane.redis.RedisFallback;
import java.util.Optional;

/**
 * The Redis flag cache, bypassed while Redis is unreachable: flags are then computed on every read.
 * A process-local copy would keep serving flags another replica has since changed, since its
 * evictions could not reach this one. Evictions made during the outage never reached Redis either,
 * so the cache there is emptied when Redis returns.
 */
class FallbackFlagCache implements EffectiveFlagCache {

  private final EffectiveFlagCache redis;
  private final RedisFallback fallback;

  FallbackFlagCache(EffectiveFlagCache redis) {
    this.redis = redis;
    this.fallback = new RedisFallback("the effective flag cache", redis::evictAll);
  }

  @Override
  public Optional<EffectiveFlags> get(String slug) {
    return fallback.call(() -> redis.get(slug), Optional::empty);
  }

  @Override
  public void put(String slug, EffectiveFlags flags) {
    fallback.run(() -> redis.put(slug, flags), () -> {});
  }

  @Override
  public void evict(String slug) {
    fallback.run(() -> redis.evict(slug), () -> {});
  }

  @Override
  public void evictAll() {
    fallback.run(redis::evictAll, () -> {});
  }
}
