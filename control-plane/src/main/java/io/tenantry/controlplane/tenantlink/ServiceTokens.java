package io.tenantry.controlplane.tenantlink;

import io.smallrye.jwt.build.Jwt;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.signin.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints platform → tenant service tokens (contracts.md, "Tokens"): signed by the platform key
 * (ES256, or RS256 while the stored key is RSA), {@code aud tenant:<slug>}, a space-separated
 * {@code scope}, short-lived. A token is addressed to one tenant, so a tenant app that leaks it
 * cannot replay it against another.
 */
@ApplicationScoped
public class ServiceTokens {

  /** Scope of {@code GET /internal/v1/search}. */
  public static final String SEARCH = "tenant:search";

  /** Scope of {@code GET /internal/v1/usage}. */
  public static final String USAGE = "tenant:usage";

  private final PlatformKeys keys;
  private final AuthConfig auth;
  private final TenantLinkConfig config;
  private final ConcurrentHashMap<String, Reusable> reusable = new ConcurrentHashMap<>();

  /** A minted token and when to stop handing it out. */
  private record Reusable(String token, Instant renewAt) {}

  ServiceTokens(PlatformKeys keys, AuthConfig auth, TenantLinkConfig config) {
    this.keys = keys;
    this.auth = auth;
    this.config = config;
  }

  /** A fresh token for {@code slug} carrying exactly {@code scopes}. */
  public String mint(String slug, String... scopes) {
    if (scopes.length == 0) {
      throw new IllegalArgumentException("a service token needs at least one scope");
    }
    Instant now = Instant.now();
    return Jwt.issuer(auth.issuer())
        .audience(audienceOf(slug))
        .subject("tenantry-control-plane")
        .claim("scope", String.join(" ", scopes))
        .claim("jti", UUID.randomUUID().toString())
        .issuedAt(now)
        .expiresAt(now.plus(config.tokenLifetime()))
        .jws()
        .algorithm(keys.algorithm())
        .sign(keys.privateKey());
  }

  /**
   * A token for a call to {@code slug} with exactly {@code scopes}: the same one while it has more
   * than half its lifetime left (the platform key is loaded once, at start-up). The tenant app then
   * verifies it once rather than on every call (an ES256 verification costs it ~2 ms of CPU under
   * its C1-only JIT), and a fan-out to N tenants signs N tokens per half lifetime, not per search.
   */
  public String forCall(String slug, String... scopes) {
    return forCall(Instant.now(), slug, scopes);
  }

  String forCall(Instant now, String slug, String... scopes) {
    return reusable
        .compute(
            slug + " " + String.join(" ", scopes),
            (key, current) ->
                current != null && now.isBefore(current.renewAt())
                    ? current
                    : new Reusable(
                        mint(slug, scopes), now.plus(config.tokenLifetime().dividedBy(2))))
        .token();
  }

  public static String audienceOf(String slug) {
    return "tenant:" + slug;
  }
}
