package io.tenantry.controlplane.tenants;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The tenants API and its link to the cluster. */
@ConfigMapping(prefix = "tenantry.tenants")
public interface TenantsConfig {

  /** Slugs nobody may take: they collide with cluster, platform or well-known host names. */
  @WithDefault(
      "kube-system,kube-public,kube-node-lease,default,tenantry,tenantry-system,platform,admin,"
          + "administrator,root,system,www,api,app,apps,auth,login,console,dashboard,status,"
          + "static,cdn,docs,help,support,billing,internal,mail,smtp,ftp,localhost")
  Set<String> reservedSlugs();

  /** How often tenants whose Tenant resource is not yet written are retried. */
  @WithDefault("5s")
  Duration pushInterval();

  /** Longest wait between two writes of a tenant the cluster keeps refusing. */
  @WithDefault("5m")
  Duration pushBackoffCeiling();

  /** How often a stopped Tenant watch is noticed and started again. */
  @WithDefault("30s")
  String watchCheckInterval();

  /** Full resync period of the Tenant informer. */
  @WithDefault("10m")
  Duration informerResync();

  /** Largest page size the list endpoint accepts. */
  @WithDefault("100")
  int maxPageSize();

  /**
   * How long an {@code Idempotency-Key} of a create is remembered. An older key is treated as never
   * used, and the retention job deletes it.
   */
  @WithDefault("24h")
  Duration idempotencyKeyRetention();

  /** How often the retention job deletes expired idempotency keys: a duration, or {@code off}. */
  @WithDefault("1h")
  String idempotencyKeyCleanupInterval();
}
