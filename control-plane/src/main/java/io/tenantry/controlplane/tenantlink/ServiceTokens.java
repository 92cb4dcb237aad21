package io.tenantry.controlplane.tenantlink;

import io.smallrye.jwt.build.Jwt;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.signin.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** Per scope set, the fraction of a token {@link #prepareEvenly} owes its next run (in ms). */
  private final ConcurrentHashMap<String, Long> spreadCarry = new ConcurrentHashMap<>();

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
   * Tokens {@link #prepare prepared} ahead are handed out here without signing on the call's path.
   */
  public String forCall(String slug, String... scopes) {
    return forCall(Instant.now(), slug, scopes);
  }

  String forCall(Instant now, String slug, String... scopes) {
    return reusable
        .compute(
            keyOf(slug, scopes),
            (key, current) ->
                current != null && now.isBefore(current.renewAt())
                    ? current
                    : fresh(now, slug, scopes))
        .token();
  }

  /**
   * Signs, off the request path, a token for each of {@code slugs} that has none yet or whose
   * current one stops being handed out within {@code ahead}: a call made before then finds its
   * token signed and never waits for a signature. Returns how many it signed.
   */
  public int prepare(Collection<String> slugs, Duration ahead, String... scopes) {
    return prepare(Instant.now(), slugs, ahead, scopes);
  }

  int prepare(Instant now, Collection<String> slugs, Duration ahead, String... scopes) {
    return prepare(now, slugs, ahead, 0, scopes);
  }

  /**
   * As {@link #prepare(Collection, Duration, String...)}, run every {@code every}, and spreading
   * the signatures evenly over the runs: each run also renews early, soonest due first, enough
   * tokens to sign about {@code slugs / (reuse period - ahead) * every} per run. Tokens signed
   * together (all of them at start-up) would otherwise all come due in the same run again, one
   * burst of CPU every reuse period that whatever request runs meanwhile pays; spread, a thousand
   * tenants cost a few signatures per run. The total signed stays about one per tenant per reuse
   * period.
   */
  public int prepareEvenly(
      Collection<String> slugs, Duration ahead, Duration every, String... scopes) {
    return prepareEvenly(Instant.now(), slugs, ahead, every, scopes);
  }

  int prepareEvenly(
      Instant now, Collection<String> slugs, Duration ahead, Duration every, String... scopes) {
    long window = reusePeriod().minus(ahead).toMillis();
    if (window <= every.toMillis()) {
      return prepare(now, slugs, ahead, slugs.size(), scopes);
    }
    // The share of a run is rarely whole (1 tenant: 1/28 of a token a run); what a run leaves
    // over is carried to the next, so a small fleet is not re-signed every run, which rounding
    // each run's share up would do (one tenant's token renewed every second instead of every 28).
    String scopeSet = String.join(" ", scopes);
    long owed =
        spreadCarry.getOrDefault(scopeSet, 0L) + slugs.size() * Math.max(1, every.toMillis());
    spreadCarry.put(scopeSet, owed % window);
    return prepare(now, slugs, ahead, (int) (owed / window), scopes);
  }

  /** Signs what is due within {@code ahead}, and at least {@code quota} if there are so many. */
  private int prepare(
      Instant now, Collection<String> slugs, Duration ahead, int quota, String... scopes) {
    List<Map.Entry<String, Instant>> byRenewal = new ArrayList<>(slugs.size());
    for (String slug : slugs) {
      Reusable current = reusable.get(keyOf(slug, scopes));
      byRenewal.add(Map.entry(slug, current == null ? Instant.MIN : current.renewAt()));
    }
    byRenewal.sort(Map.Entry.comparingByValue());
    Instant due = now.plus(ahead);
    int signed = 0;
    for (Map.Entry<String, Instant> next : byRenewal) {
      if (signed >= quota && due.isBefore(next.getValue())) {
        break;
      }
      // A call renewing the same token meanwhile only costs one signature more: both are valid.
      reusable.put(keyOf(next.getKey(), scopes), fresh(now, next.getKey(), scopes));
      signed++;
    }
    return signed;
  }

  /** The token a call made now would get, if one is signed already. */
  public Optional<String> ready(String slug, String... scopes) {
    return ready(Instant.now(), slug, scopes);
  }

  Optional<String> ready(Instant now, String slug, String... scopes) {
    Reusable current = reusable.get(keyOf(slug, scopes));
    return current != null && now.isBefore(current.renewAt())
        ? Optional.of(current.token())
        : Optional.empty();
  }

  private Reusable fresh(Instant now, String slug, String... scopes) {
    return new Reusable(mint(slug, scopes), now.plus(reusePeriod()));
  }

  /** How long a token is handed out: half its lifetime, so no call gets one about to expire. */
  private Duration reusePeriod() {
    return config.tokenLifetime().dividedBy(2);
  }

  private static String keyOf(String slug, String... scopes) {
    return slug + " " + String.join(" ", scopes);
  }

  public static String audienceOf(String slug) {
    return "tenant:" + slug;
  }
}
