package io.tenantry.controlplane.flags;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Feature flags. */
@ConfigMapping(prefix = "tenantry.flags")
public interface FlagsConfig {

  /**
   * How long a tenant's effective flags stay cached. Every change invalidates them at once; the
   * expiry only bounds what a change made behind the API's back (e.g. in SQL) can leave stale.
   */
  @WithDefault("10m")
  Duration cacheTtl();
}
