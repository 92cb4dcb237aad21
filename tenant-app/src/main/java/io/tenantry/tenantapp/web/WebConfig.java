package io.tenantry.tenantapp.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The staff web app's sessions. */
@ConfigMapping(prefix = "tenantry.tenant.web")
public interface WebConfig {

  /** A session unused this long ends. */
  @WithDefault("30M")
  Duration idleTimeout();

  /** A session ends this long after sign-in, however busy. */
  @WithDefault("12H")
  Duration absoluteTimeout();
}
