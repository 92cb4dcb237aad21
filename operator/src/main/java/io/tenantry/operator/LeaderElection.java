package io.tenantry.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.quarkus.arc.Unremovable;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Leader election for the operator's replicas (the chart runs two): QOSDK uses this configuration
 * in the profiles of {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (prod). The
 * identity is the pod name ({@code HOSTNAME}), JOSDK's default. A leader that cannot renew its
 * Lease exits, so that it never reconciles beside a new one.
 */
@Singleton
public class LeaderElection {

  // Unremovable: QOSDK looks it up programmatically, which does not keep a bean from removal.
  @Produces
  @Singleton
  @Unremovable
  LeaderElectionConfiguration leaderElection(OperatorConfig config) {
    return builder(config.leaderElection()).build();
  }

  /** The configured election, before its identity and exit behaviour are chosen. */
  public static LeaderElectionConfigurationBuilder builder(OperatorConfig.LeaderElection config) {
    LeaderElectionConfigurationBuilder builder =
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(config.leaseName())
            .withLeaseDuration(config.leaseDuration())
            .withRenewDeadline(config.renewDeadline())
            .withRetryPeriod(config.retryPeriod());
    config.leaseNamespace().ifPresent(builder::withLeaseNamespace);
    return builder;
  }
}
