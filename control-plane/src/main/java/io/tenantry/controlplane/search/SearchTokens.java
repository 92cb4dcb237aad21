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
 * period ends. The cost is one signature per tenant per ~28 s (ES256, ~0.2-0.5 ms), searched or
 * not, spread evenly over the runs: a thousand tenants' tokens renewed in one run had been a burst
 * of ~180 ms of CPU every reuse period, which the searches running meanwhile paid; spread over
 * one-second runs it is ~36 signatures a second.
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
        tokens.prepareEvenly(
            targets.searchable(),
            config.tokenRefreshInterval().multipliedBy(2),
            config.tokenRefreshInterval(),
            ServiceTokens.SEARCH);
    LOG.debugf("signed %d search token(s) ahead of use", signed);
  }
}
