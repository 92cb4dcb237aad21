package io.tenantry.controlplane.signin;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Issues and checks access tokens (JWTs signed by the platform key, ES256 or RS256 as the key
 * dictates) and rotating refresh tokens.
 */
@ApplicationScoped
public class TokenService {

  /** The result of presenting a refresh token. */
  public sealed interface Rotation {
    record Rotated(PlatformUser user, TokenPair tokens) implements Rotation {}

    /** An already used or revoked token came back: its whole family is now revoked. */
    record Reused(UUID userId) implements Rotation {}

    record Invalid() implements Rotation {}
  }

  /** The verification settings for one set of trusted keys, kept until the keys change. */
  private record Verifications(List<PublicKey> keys, List<JWTAuthContextInfo> each) {}

  private final PlatformKeys keys;
  private final AuthConfig config;
  private final JWTParser parser;
  private volatile Verifications verifications = new Verifications(List.of(), List.of());

  TokenService(PlatformKeys keys, AuthConfig config, JWTParser parser) {
    this.keys = keys;
    this.config = config;
    this.parser = parser;
  }

  /**
   * The verified token, or empty when anything about it is wrong. A token signed by the current key
   * or by a retired one still in its overlap ({@link PlatformKeys#trustedPublicKeys()}) is
   * accepted, so a rotation signs no one out; once the retired key leaves the set, its tokens fail.
   */
  public Optional<JsonWebToken> verify(String token) {
    for (JWTAuthContextInfo verification : verifications().each()) {
      try {
        return Optional.of(parser.parse(token, verification)).filter(this::plausibleTimes);
      } catch (ParseException e) {
        // not signed by this key (or not valid at all): the next key, if any, decides
      }
    }
    return Optional.empty();
  }

  private Verifications verifications() {
    List<PublicKey> trusted = keys.trustedPublicKeys();
    Verifications current = verifications;
    if (!current.keys().equals(trusted)) {
      current = new Verifications(trusted, trusted.stream().map(this::verificationFor).toList());
      verifications = current;
    }
    return current;
  }

  private JWTAuthContextInfo verificationFor(PublicKey key) {
    JWTAuthContextInfo verification = new JWTAuthContextInfo(key, config.issuer());
    verification.setExpectedAudience(Set.of(config.audience()));
    // exactly the key's own algorithm: never "none", never HMAC keyed with the public key
    verification.setSignatureAlgorithm(Set.of(PlatformKeys.algorithmOf(key)));
    verification.setClockSkew((int) config.clockSkew().toSeconds());
    verification.setRequiredClaims(Set.of("sub", "exp", "iat"));
    return verification;
  }

  /**
   * A token issued in the future, or living longer than this platform ever issues, was not minted
   * by this platform's rules: a leaked key or a forged clock must not yield a token for years.
   */
  private boolean plausibleTimes(JsonWebToken jwt) {
    long skew = config.clockSkew().toSeconds();
    long issuedAt = jwt.getIssuedAtTime();
    long lifetime = jwt.getExpirationTime() - issuedAt;
    return issuedAt <= Instant.now().getEpochSecond() + skew
        && lifetime <= config.accessTokenLifetime().toSeconds() + skew;
  }

  /** Issues a new login: an access token and the first refresh token of a new family. */
  @Transactional(Transactional.TxType.MANDATORY)
  public TokenPair issue(PlatformUser user) {
    return issue(user, UUID.randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. The presented token is spent; presenting a spent one
   * again revokes its family, since then either the client or a thief holds a copy.
   */
  @Transactional
  public Rotation rotate(String presented) {
    Optional<RefreshToken> found = lockByHash(presented);
    if (found.isEmpty()) {
      return new Rotation.Invalid();
    }
    RefreshToken token = found.get();
    Instant now = Instant.now();
    if (token.usedAt != null) {
      revokeFamily(token.familyId);
      return new Rotation.Reused(token.userId);
    }
    if (token.revokedAt != null) {
      return new Rotation.Invalid();
    }
    PlatformUser user = PlatformUser.findById(token.userId);
    if (token.expiresAt.isBefore(now) || user == null || !user.enabled) {
      return new Rotation.Invalid();
    }
    token.usedAt = now;
    return new Rotation.Rotated(user, issue(user, token.familyId));
  }

  /** Revokes the family of {@code presented}; true when the token was known. */
  @Transactional
  public boolean revoke(String presented) {
    Optional<RefreshToken> found = lockByHash(presented);
    found.ifPresent(token -> revokeFamily(token.familyId));
    return found.isPresent();
  }

  /**
   * Revokes every refresh token of {@code userId} that could still be exchanged (a spent one
   * already revokes its family when presented), which ends each of the user's sessions; returns how
   * many.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int revokeAll(UUID userId) {
    return RefreshToken.update(
        "revokedAt = ?1 where userId = ?2 and revokedAt is null and usedAt is null",
        Instant.now(),
        userId);
  }

  private TokenPair issue(PlatformUser user, UUID familyId) {
    String raw = RandomSecrets.random(32);
    RefreshToken refresh = new RefreshToken();
    refresh.id = UUID.randomUUID();
    refresh.familyId = familyId;
    refresh.userId = user.id;
    refresh.tokenHash = RandomSecrets.sha256(raw);
    refresh.createdAt = Instant.now();
    refresh.expiresAt = refresh.createdAt.plus(config.refreshTokenLifetime());
    refresh.persist();
    return new TokenPair(
        accessToken(user),
        "Bearer",
        config.accessTokenLifetime().toSeconds(),
        raw,
        user.passwordChangeRequired);
  }

  private String accessToken(PlatformUser user) {
    return Jwt.issuer(config.issuer())
        .audience(config.audience())
        .subject(user.id.toString())
        .upn(user.email)
        .groups(user.role)
        .expiresIn(config.accessTokenLifetime())
        .jws()
        .algorithm(keys.algorithm())
        .sign(keys.privateKey());
  }

  private static Optional<RefreshToken> lockByHash(String presented) {
    if (presented == null || presented.isBlank()) {
      return Optional.empty();
    }
    return RefreshToken.find("tokenHash", RandomSecrets.sha256(presented))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  private static void revokeFamily(UUID familyId) {
    RefreshToken.update(
        "revokedAt = ?1 where familyId = ?2 and revokedAt is null", Instant.now(), familyId);
  }
}
