package io.tenantry.tenantapp.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Lifetimes of staff tokens and invitations, what a platform service token may be, and sign-in
 * throttling.
 */
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

  /** When failed sign-ins lock an account or a client address (as the control plane does). */
  LoginThrottle loginThrottle();

  /** {@code tenantry.tenant.login-throttle.*}. */
  interface LoginThrottle {
    /** Failed sign-ins on one account, within the window, before it is locked. */
    @WithDefault("5")
    int maxAccountFailures();

    /** Failed sign-ins from one client address, within the window, before it is locked. */
    @WithDefault("20")
    int maxAddressFailures();

    @WithDefault("15m")
    Duration window();

    @WithDefault("15m")
    Duration lockout();
  }
}
