package io.tenantry.controlplane.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether Redis is used: for login throttling and for the effective feature flag cache. */
@ConfigMapping(prefix = "tenantry.redis")
public interface RedisToggle {
  /**
   * true: throttle counters and cached flags live in Redis (shared by instances); false: in process
   * memory.
   */
  @WithDefault("true")
  boolean enabled();
}
