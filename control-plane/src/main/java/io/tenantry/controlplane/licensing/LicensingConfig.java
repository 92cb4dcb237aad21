package io.tenantry.controlplane.licensing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Licenses, their expiry job and the signed entitlements. */
@ConfigMapping(prefix = "tenantry.licensing")
public interface LicensingConfig {

  /** How often the expiry job moves licenses past their end date to grace, then to expired. */
  @WithDefault("1m")
  Duration expiryCheckInterval();

  /** Most licenses one run of the expiry job handles; the next run takes the rest. */
  @WithDefault("500")
  int expiryBatchSize();

  /**
   * Lifetime of the entitlements signature. SmallRye JWT always sets {@code exp}; it is long on
   * purpose, because a tenant app must keep its entitlements while the control plane is down.
   */
  @WithDefault("P3650D")
  Duration signatureValidity();

  /** Most seats a license may allocate. */
  @WithDefault("100000")
  int maxSeats();

  /** Longest grace period a license may have, in days. */
  @WithDefault("365")
  int maxGracePeriodDays();

  /** Largest page size the list endpoints accept. */
  @WithDefault("100")
  int maxPageSize();

  /** Longest wait for a tenant app's usage report before the usage endpoint answers without it. */
  @WithDefault("2s")
  Duration usageTimeout();
}
