package io.tenantry.controlplane.flags;

import io.quarkus.redis.datasource.RedisDataSource;
import io.tenantry.controlplane.redis.RedisToggle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Redis when enabled; process memory otherwise, so a local run needs no Redis server. */
public class FlagCacheProducer {

  private static final Logger LOG = Logger.getLogger(FlagCacheProducer.class);

  @Produces
  @ApplicationScoped
  EffectiveFlagCache effectiveFlagCache(
      RedisToggle redis, FlagsConfig config, Instance<RedisDataSource> dataSource) {
    if (redis.enabled()) {
      return new FallbackFlagCache(new RedisFlagCache(dataSource.get(), config.cacheTtl()));
    }
    LOG.info("tenantry.redis.enabled=false: effective feature flags are cached in process memory");
    return new LocalFlagCache();
  }
}
