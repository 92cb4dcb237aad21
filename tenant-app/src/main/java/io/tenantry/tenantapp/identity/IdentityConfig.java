package io.tenantry.tenantapp.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Lifetimes of staff tokens and invitations, and what a platform service token may be. */
@ConfigMapping(prefix = "tenantry.tenant")
public interface IdentityConfig {

  /** Lifetime of a staff access token. */
  @WithDefault("PT5M")
  Duration accessTokenLifetime();

  /** Lifetime of a staff refresh token; each use replaces it with a new one. */
  @WithDefault("PT336H")
  Duration refreshTokenLifetime();

  /** How long an invitation link stays valid. */
  @WithDefault("PT72H")
  Duration inviteLifetime();

  /** Longest lifetime (exp - iat) accepted for a platform service token. */
  @WithDefault("120")
  long platformTokenMaxAgeSeconds();
}
