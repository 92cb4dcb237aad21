package io.tenantry.controlplane.search;

import io.quarkus.scheduler.Scheduled;
import io.tenantry.controlplane.tenantlink.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps a search token signed for every searchable tenant, so that no search signs one on its
 * request path: the first run after start-up signs them all (the first search after a restart would
 * otherwise sign one per tenant, hundreds of milliseconds of CPU at a thousand tenants), a tenant
 * newly Ready gets its token within one interval, and every token is renewed before its reuse
 * period ends. The cost is one signature per tenant per ~25 s (ES256, ~0.5 ms), searched or not.
 */
@ApplicationScoped
public class SearchTokens {

  private static final Logger LOG = Logger.getLogger(SearchTokens.class);

  private final SearchTargets targets;
  private final ServiceTokens tokens;
  private final SearchConfig config;

  SearchTokens(SearchTargets targets, ServiceTokens tokens, SearchConfig config) {
    this.targets = targets;
    this.tokens = tokens;
    this.config = config;
  }

  @Scheduled(
      identity = "search-tokens",
      every = "${tenantry.search.token-refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    int signed =
        tokens.prepare(
            targets.searchable(),
            config.tokenRefreshInterval().multipliedBy(2),
            ServiceTokens.SEARCH);
    LOG.debugf("signed %d search token(s) ahead of use", signed);
  }
}
