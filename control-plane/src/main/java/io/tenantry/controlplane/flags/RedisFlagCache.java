package io.tenantry.controlplane.flags;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.tenantry.controlplane.flags.FlagViews.EffectiveFlags;
import java.time.Duration;
import java.util.Optional;

/** Effective flags in Redis, shared by every control plane instance. */
class RedisFlagCache implements EffectiveFlagCache {

  static final String PREFIX = "tenantry:flags:effective:";

  private final ValueCommands<String, EffectiveFlags> values;
  private final KeyCommands<String> keys;
  private final Duration ttl;

  RedisFlagCache(RedisDataSource redis, Duration ttl) {
    this.values = redis.value(EffectiveFlags.class);
    this.keys = redis.key();
    this.ttl = ttl;
  }

  @Override
  public Optional<EffectiveFlags> get(String slug) {
    return Optional.ofNullable(values.get(PREFIX + slug));
  }

  @Override
  public void put(String slug, EffectiveFlags flags) {
    values.setex(PREFIX + slug, ttl.toSeconds(), flags);
  }

  @Override
  public void evict(String slug) {
    keys.del(PREFIX + slug);
  }

  @Override
  public void evictAll() {
    // SCAN walks the keyspace in steps; KEYS would block Redis for every client at once
    keys.scan(new KeyScanArgs().match(PREFIX + "*").count(500)).toIterable().forEach(keys::del);
  }
}
