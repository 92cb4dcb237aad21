package io.tenantry.tenantapp.entitlements;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the platform's signed entitlements are read, and what applies before any arrive. Where they
 * are mounted is the operator's part ({@code TenantConfig.entitlementsDir}).
 */
@ConfigMapping(prefix = "tenantry.tenant.entitlements")
public interface EntitlementsConfig {

  /** How often entitlements.json is re-read; a changed content is verified and applied. */
  @WithDefault("5s")
  Duration pollInterval();

  /** Accepted difference between this clock and the platform's for iat/exp. */
  @WithDefault("60")
  long clockSkewSeconds();

  /** What applies until the first entitlements whose signature verifies. */
  Defaults defaults();

  /** Entitlements in force until the platform's signed ones arrive. */
  interface Defaults {
    /** Plan named in refusals. */
    @WithDefault("unlicensed")
    String plan();

    /** Enabled staff users allowed; the first administrator always gets in. */
    @WithDefault("1")
    int seats();

    /** Feature flags that are on; none when unset. */
    Optional<Set<String>> features();

    /** License status: active, grace, expired, suspended or revoked. */
    @WithDefault("active")
    LicenseStatus licenseStatus();
  }
}
