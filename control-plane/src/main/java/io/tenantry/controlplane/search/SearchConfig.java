package io.tenantry.controlplane.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cross-tenant search fan-out. */
@ConfigMapping(prefix = "tenantry.search")
public interface SearchConfig {

  /**
   * Most tenant apps called at the same time by one search; the rest wait for a free slot. The
   * calls do not block threads, so what this bounds is one search's open sockets and response
   * buffers (a few KiB each): 1024 asks a fleet of up to a thousand tenants in one round, where a
   * lower bound would make a search last several tenant latencies, while no search can hold more
   * than 1024 sockets however large the fleet grows.
   */
  @WithDefault("1024")
  int concurrency();

  /** Longest wait for one tenant's answer; a slower tenant is reported as {@code timeout}. */
  @WithDefault("2s")
  Duration perTenantTimeout();

  /** The whole search answers within this, whatever the tenants do. */
  @WithDefault("3s")
  Duration deadline();

  /**
   * How often the search token of every searchable tenant is renewed ahead of its reuse period's
   * end, and a tenant newly Ready gets its first one: a search then signs no token itself. Each
   * token is renewed once it has less than two intervals of reuse left, so one late run is
   * harmless. Each run also renews some tokens early so that the renewals spread evenly over the
   * runs (no burst of signatures when tokens signed together come due together); a short interval
   * makes each run's share small.
   */
  @WithDefault("1s")
  Duration tokenRefreshInterval();

  /** Hits asked of each tenant, and shown in the merged ranking, when the request names none. */
  @WithDefault("20")
  int defaultLimit();
}
