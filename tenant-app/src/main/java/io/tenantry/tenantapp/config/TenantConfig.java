package io.tenantry.tenantapp.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the operator tells this app about its tenant (docs/contracts.md, "Tenant app
 * configuration"): which tenant it is, and where the tenant's Secret and ConfigMap are mounted.
 * Each feature maps its own tunables under the same prefix ({@code IdentityConfig}, {@code
 * EntitlementsConfig}, {@code DemoConfig}).
 */
@ConfigMapping(prefix = "tenantry.tenant")
public interface TenantConfig {

  /** This tenant's slug; staff tokens carry it and platform tokens must be addressed to it. */
  String slug();

  /**
   * The tenant's name as people read it, on every page of the staff web app; the slug when unset.
   */
  Optional<String> displayName();

  /** Directory holding private-key.pem and public-key.pem; a temporary one when unset. */
  Optional<Path> signingKeyDir();

  /** Directory holding platform-public-key.pem and entitlements.json (a mounted ConfigMap). */
  Optional<Path> entitlementsDir();
}
