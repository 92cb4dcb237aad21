package io.tenantry.tenantapp.identity;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.common.throttle.LoginFailures;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.identity.IdentityDtos.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Login (throttled per account and per client address) and refresh-token rotation. */
@ApplicationScoped
public class AuthService {

  private static final ProblemException BAD_CREDENTIALS =
      ProblemException.unauthorized("invalid-credentials", "e-mail or password is wrong");
  private static final ProblemException BAD_REFRESH =
      ProblemException.unauthorized("invalid-refresh-token", "refresh token is not valid");

  private final IdentityConfig config;
  private final TokenIssuer issuer;
  private final StaffUsers staff;
  private final Db db;
  private final LoginFailures failures;

  AuthService(
      IdentityConfig config, TokenIssuer issuer, StaffUsers staff, Db db, LoginFailures failures) {
    this.config = config;
    this.issuer = issuer;
    this.staff = staff;
    this.db = db;
    this.failures = failures;
  }

  public TokenResponse login(String email, String password, String address) {
    return tokensFor(authenticate(email, password, address)); // one INSERT: atomic on its own
  }

  /**
   * The active staff user with these credentials, for the API's login and the web app's sign-in
   * alike; one refusal for every failure, throttled per account and per address. Not transactional
   * on purpose: each statement takes a pooled connection and hands it back at once, so none is held
   * while Argon2id runs (tens of milliseconds and 7 MiB each; a burst of sign-ins would otherwise
   * empty the small pool for every other request).
   */
  public StaffUser authenticate(String email, String password, String address) {
    String account = email.strip().toLowerCase(Locale.ROOT);
    Duration locked = failures.lockedFor(account, address).orElse(null);
    if (locked != null) {
      throw LoginFailures.refusal(locked);
    }
    StaffUser user = staff.byEmail(email).orElse(null);
    // one answer, in the same time, for unknown, disabled and wrong password: the endpoint
    // reveals nothing (an unknown user's password is checked against a decoy hash)
    boolean matches = Secrets.passwordMatches(password, user == null ? null : user.passwordHash);
    if (user == null || user.status != StaffStatus.active || !matches) {
      failures.failed(account, address);
      throw BAD_CREDENTIALS;
    }
    failures.succeeded(account);
    return user;
  }

  /**
   * Consumes the refresh token and issues the next pair. A consumed token presented again means it
   * was copied: every refresh token of that user is revoked.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public TokenResponse refresh(String presented) {
    String hash = RandomSecrets.sha256(presented);
    RefreshToken token =
        db.first(
                RefreshToken.TABLE.select() + " WHERE token_hash = ?",
                RefreshToken.TABLE.mapper(),
                hash)
            .orElseThrow(() -> BAD_REFRESH);
    Instant now = Timestamps.now();
    int consumed =
        db.update(
            "UPDATE refresh_tokens SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL",
            now,
            token.id);
    if (consumed == 0) {
      revokeAll(token.staffUserId);
      throw BAD_REFRESH;
    }
    StaffUser user = staff.byId(token.staffUserId).orElse(null);
    if (token.expiresAt.isBefore(now) || user == null || user.status != StaffStatus.active) {
      throw BAD_REFRESH;
    }
    return tokensFor(user);
  }

  /** Ends every session of the user: their refresh tokens stop working. */
  void revokeAll(UUID staffUserId) {
    db.update(
        "UPDATE refresh_tokens SET consumed_at = ? WHERE staff_user_id = ? AND consumed_at IS NULL",
        Timestamps.now(),
        staffUserId);
  }

  private TokenResponse tokensFor(StaffUser user) {
    String refresh = RandomSecrets.random(32);
    RefreshToken token = new RefreshToken();
    token.id = UUID.randomUUID();
    token.staffUserId = user.id;
    token.tokenHash = RandomSecrets.sha256(refresh);
    token.createdAt = Timestamps.now();
    token.expiresAt = token.createdAt.plus(config.refreshTokenLifetime());
    db.insert(RefreshToken.TABLE, token);
    return new TokenResponse(
        issuer.accessToken(user),
        refresh,
        "Bearer",
        issuer.accessTokenSeconds(),
        user.passwordChangeRequired);
  }
}
