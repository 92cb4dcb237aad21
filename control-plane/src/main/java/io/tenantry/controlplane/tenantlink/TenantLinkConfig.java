package io.tenantry.controlplane.tenantlink;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the control plane reaches tenant apps. */
@ConfigMapping(prefix = "tenantry.tenant-link")
public interface TenantLinkConfig {

  /** Base URL of a tenant app's internal API; {@code {slug}} is replaced by the tenant's slug. */
  @WithDefault("http://tenant-app.tenant-{slug}.svc.cluster.local")
  String urlTemplate();

  /**
   * Per-tenant base URLs that replace the template ({@code tenantry.tenant-link.endpoints.<slug>});
   * an override stored through the API wins over these.
   */
  Map<String, String> endpoints();

  /**
   * Hosts (names or addresses, exact) an override stored through the API may point at besides the
   * cluster's Service names; empty in production. Local runs and tests allow 127.0.0.1.
   */
  Optional<List<String>> allowedOverrideHosts();

  /** Lifetime of a platform → tenant service token (the tenant app refuses more than 120 s). */
  @WithDefault("60s")
  Duration tokenLifetime();

  /** Longest wait for a TCP connection to a tenant app. */
  @WithDefault("1s")
  Duration connectTimeout();

  /**
   * How long a connection to a tenant app stays open unused, ready for the next search: searches
   * minutes apart then open none. Below the tenant app's own idle timeout (Quarkus' 30 min), so it
   * is the platform that closes an idle connection, never a request that finds it closed.
   */
  @WithDefault("5m")
  Duration idleConnectionTimeout();
}
