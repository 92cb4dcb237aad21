package io.tenantry.controlplane.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether login throttling is shared through Redis. */
@ConfigMapping(prefix = "tenantry.redis")
public interface RedisToggle {
  /** true: counters live in Redis (shared by instances); false: in process memory. */
  @WithDefault("true")
  boolean enabled();
}
