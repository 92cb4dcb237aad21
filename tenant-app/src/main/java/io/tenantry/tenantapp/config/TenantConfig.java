package io.tenantry.tenantapp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tenantry.tenantapp.entitlements.LicenseStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** What the operator puts in the tenant's namespace, plus the app's own tunables. */
@ConfigMapping(prefix = "tenantry.tenant")
public interface TenantConfig {

  /** This tenant's slug; staff tokens carry it and platform tokens must be addressed to it. */
  String slug();

  /** Directory holding private-key.pem and public-key.pem; a temporary one when unset. */
  Optional<Path> signingKeyDir();

  /** Directory holding platform-public-key.pem and entitlements.json (a mounted ConfigMap). */
  Optional<Path> entitlementsDir();

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

  /** The first tenant administrator, created when no staff user exists yet. */
  BootstrapAdmin bootstrapAdmin();

  /** The demo-data generator. */
  Demo demo();

  /** How the platform's signed entitlements are read. */
  Entitlements entitlements();

  /** The first tenant administrator. */
  interface BootstrapAdmin {
    /** E-mail (login name) of the first administrator. */
    @WithDefault("admin@tenant.local")
    String email();

    /**
     * Initial password; when absent the administrator is invited instead, with a one-time token
     * (exchanged for a password at POST /api/v1/auth/accept-invite).
     */
    Optional<String> password();

    /** File the one-time token is written to (owner-only); a temporary file when unset. */
    Optional<Path> passwordFile();
  }

  /** The demo-data generator. */
  interface Demo {
    /** Whether the admin-only demo-data endpoint exists at all; keep off in production. */
    @WithDefault("false")
    boolean enabled();
  }

  /** How the platform's signed entitlements are read, and what applies before any arrive. */
  interface Entitlements {
    /** How often entitlements.json is re-read; a changed content is verified and applied. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Accepted difference between this clock and the platform's for iat/exp. */
    @WithDefault("60")
    long clockSkewSeconds();

    /** What applies until the first entitlements whose signature verifies. */
    Defaults defaults();
  }

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
