package io.tenantry.controlplane.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tokens and lockout. */
@ConfigMapping(prefix = "tenantry.auth")
public interface AuthConfig {
  /** {@code iss} of platform access tokens. */
  @WithDefault("https://tenantry.io/platform")
  String issuer();

  /** {@code aud} of platform access tokens. */
  @WithDefault("tenantry-control-plane")
  String audience();

  /** Lifetime of an access token. */
  @WithDefault("5m")
  Duration accessTokenLifetime();

  /** Lifetime of a refresh token; every use replaces it with a new one. */
  @WithDefault("12h")
  Duration refreshTokenLifetime();

  /** Tolerated clock difference when checking {@code exp}, {@code nbf} and {@code iat}. */
  @WithDefault("30s")
  Duration clockSkew();

  /** Failed logins on one account, within {@link #failureWindow()}, before it is locked. */
  @WithDefault("5")
  int maxAccountFailures();

  /**
   * Failed logins from one client address, within {@link #failureWindow()}, before it is locked.
   */
  @WithDefault("20")
  int maxAddressFailures();

  /** Window over which failed logins are counted. */
  @WithDefault("15m")
  Duration failureWindow();

  /** How long a locked account or address is refused. */
  @WithDefault("15m")
  Duration lockout();

  /** Issuer name shown by authenticator apps. */
  @WithDefault("Tenantry")
  String totpIssuer();
}
