package io.tenantry.controlplane.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The platform console's browser sessions. */
@ConfigMapping(prefix = "tenantry.console")
public interface ConsoleConfig {

  /** A session unused for this long ends. */
  @WithDefault("30m")
  Duration idleTimeout();

  /** A session ends this long after sign-in however busy it is. */
  @WithDefault("12h")
  Duration absoluteTimeout();

  /** How often the tenants list asks the database for phase and condition changes. */
  @WithDefault("1s")
  Duration liveInterval();
}
