package io.tenantry.tenantapp.identity;

import io.tenantry.tenantapp.common.Clock;
import io.tenantry.tenantapp.common.ProblemException;
import io.tenantry.tenantapp.config.TenantConfig;
import io.tenantry.tenantapp.identity.IdentityDtos.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Login and refresh-token rotation. */
@ApplicationScoped
public class AuthService {

  private static final ProblemException BAD_CREDENTIALS =
      new ProblemException(
          401, "invalid-credentials", "Unauthorized", "e-mail or password is wrong", Map.of());
  private static final ProblemException BAD_REFRESH =
      new ProblemException(
          401, "invalid-refresh-token", "Unauthorized", "refresh token is not valid", Map.of());

  private final TenantConfig config;
  private final TokenIssuer issuer;

  AuthService(TenantConfig config, TokenIssuer issuer) {
    this.config = config;
    this.issuer = issuer;
  }

  @Transactional
  public TokenResponse login(String email, String password) {
    StaffUser user = StaffUser.byEmail(email).orElse(null);
    // one answer, in the same time, for unknown, disabled and wrong password: the endpoint
    // reveals nothing (an unknown user's password is checked against a decoy hash)
    boolean matches = Secrets.passwordMatches(password, user == null ? null : user.passwordHash);
    if (user == null || user.status != StaffStatus.active || !matches) {
      throw BAD_CREDENTIALS;
    }
    return tokensFor(user);
  }

  /**
   * Consumes the refresh token and issues the next pair. A consumed token presented again means it
   * was copied: every refresh token of that user is revoked.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public TokenResponse refresh(String presented) {
    String hash = Secrets.digest(presented);
    RefreshToken token = RefreshToken.find("tokenHash", hash).firstResult();
    if (token == null) {
      throw BAD_REFRESH;
    }
    Instant now = Clock.now();
    int consumed =
        RefreshToken.update("consumedAt = ?1 where id = ?2 and consumedAt is null", now, token.id);
    if (consumed == 0) {
      revokeAll(token.staffUserId);
      throw BAD_REFRESH;
    }
    StaffUser user = StaffUser.findById(token.staffUserId);
    if (token.expiresAt.isBefore(now) || user == null || user.status != StaffStatus.active) {
      throw BAD_REFRESH;
    }
    return tokensFor(user);
  }

  static void revokeAll(UUID staffUserId) {
    RefreshToken.update(
        "consumedAt = ?1 where staffUserId = ?2 and consumedAt is null", Clock.now(), staffUserId);
  }

  private TokenResponse tokensFor(StaffUser user) {
    String refresh = Secrets.newToken();
    RefreshToken stored = new RefreshToken();
    stored.id = UUID.randomUUID();
    stored.staffUserId = user.id;
    stored.tokenHash = Secrets.digest(refresh);
    stored.createdAt = Clock.now();
    stored.expiresAt = stored.createdAt.plus(config.refreshTokenLifetime());
    stored.persist();
    return new TokenResponse(
        issuer.accessToken(user), refresh, "Bearer", issuer.accessTokenSeconds());
  }
}
