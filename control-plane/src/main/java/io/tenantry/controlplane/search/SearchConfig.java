package io.tenantry.controlplane.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cross-tenant search fan-out. */
@ConfigMapping(prefix = "tenantry.search")
public interface SearchConfig {

  /** Most tenant apps called at the same time by one search; the rest wait for a free slot. */
  @WithDefault("256")
  int concurrency();

  /** Longest wait for one tenant's answer; a slower tenant is reported as {@code timeout}. */
  @WithDefault("2s")
  Duration perTenantTimeout();

  /** The whole search answers within this, whatever the tenants do. */
  @WithDefault("3s")
  Duration deadline();

  /** Hits asked of each tenant, and shown in the merged ranking, when the request names none. */
  @WithDefault("20")
  int defaultLimit();
}
