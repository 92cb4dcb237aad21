package io.tenantry.tenantapp.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo-data generator. */
@ConfigMapping(prefix = "tenantry.tenant.demo")
public interface DemoConfig {

  /** Whether the admin-only demo-data endpoint exists at all; keep off in production. */
  @WithDefault("false")
  boolean enabled();
}
