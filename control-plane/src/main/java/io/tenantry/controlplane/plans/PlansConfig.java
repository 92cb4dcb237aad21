package io.tenantry.controlplane.plans;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The plans catalogue: {@code tenantry.plans.<plan>.*}, one entry per plan wire value. */
@ConfigMapping(prefix = "tenantry.plans")
public interface PlansConfig {

  /** Plans by wire value: free, starter, professional and enterprise must all be present. */
  @WithParentName
  Map<String, PlanDefinition> plans();

  /** One plan. */
  interface PlanDefinition {

    /** Staff seats a new license on this plan allocates. */
    int seatsIncluded();

    /** Feature flags a tenant on this plan may have on; any other flag is always off. */
    Optional<Set<String>> allowedFlags();

    /** Allowed flags this plan turns on unless a global switch or an override says otherwise. */
    Optional<Set<String>> includedFlags();

    /** Resource tier the operator sizes the tenant's stack by (its quotas, database size). */
    String resourceTier();

    /** The license a tenant on this plan starts with. */
    DefaultLicense license();
  }

  /** Terms of the license a new tenant gets. */
  interface DefaultLicense {

    /** trial, subscription or perpetual. */
    @WithDefault("trial")
    String type();

    /** How long a trial or subscription runs from the tenant's creation; unused for perpetual. */
    @WithDefault("P30D")
    Duration term();

    /** Days of full service after the end date before the license expires. */
    @WithDefault("14")
    int gracePeriodDays();
  }
}
