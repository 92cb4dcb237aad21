package io.tenantry.tenantapp.identity;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens that passed verification, until they expire. Clients present one bearer token on request
 * after request (staff for their access token's lifetime, the control plane for half a service
 * token's), and verifying an ES256 signature again costs ~2 ms of CPU under the image's C1-only
 * JIT: more than the search itself. Only the exact token text that passed is remembered; each key
 * has its own cache, so a rotated key starts with an empty one.
 */
final class VerifiedTokens {

  /** Verifies a token the cache does not hold, throwing when it does not verify. */
  @FunctionalInterface
  interface Verification {
    JsonWebToken verify(String token) throws ParseException;
  }

  /** Bounds the memory: a tenant's staff and the platform hold a few dozen tokens at a time. */
  static final int CAPACITY = 1000;

  private final ConcurrentHashMap<String, JsonWebToken> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  VerifiedTokens(Clock clock) {
    this.clock = clock;
  }

  JsonWebToken verify(String token, Verification verification) throws ParseException {
    long now = clock.instant().getEpochSecond();
    JsonWebToken known = tokens.get(token);
    if (known != null && known.getExpirationTime() > now) {
      return known;
    }
    JsonWebToken verified = verification.verify(token);
    if (tokens.size() >= CAPACITY) {
      tokens.values().removeIf(jwt -> jwt.getExpirationTime() <= now);
    }
    // when still full, tokens are verified every time rather than remembered
    if (tokens.size() < CAPACITY) {
      tokens.put(token, verified);
    }
    return verified;
  }

  int size() {
    return tokens.size();
  }
}
