package io.tenantry.controlplane.signin;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;

/**
 * Login, refresh and logout. Every login attempt is audited, failures in a transaction of their own
 * so that the refusal does not roll the record back.
 */
@ApplicationScoped
public class AuthService {

  private static final String LOGIN = "auth.login";

  private final Credentials credentials;
  private final Sessions sessions;
  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final RequestContext request;

  AuthService(
      Credentials credentials,
      Sessions sessions,
      TokenService tokens,
      LoginThrottle throttle,
      AuditLog audit,
      RequestContext request) {
    this.credentials = credentials;
    this.sessions = sessions;
    this.tokens = tokens;
    this.throttle = throttle;
    this.audit = audit;
    this.request = request;
  }

  public TokenPair login(LoginRequest login) {
    return sessions.start(verify(login));
  }

  /**
   * Checks a login (lockout, password, second factor) and audits a refusal; the user when it
   * passes. Callers start their own kind of session: tokens here, a browser session in the console.
   */
  public PlatformUser verify(LoginRequest login) {
    String account = PlatformUser.normalize(login.email());
    String address = String.valueOf(request.clientAddress());
    Duration locked = throttle.lockedFor(account, address).orElse(null);
    if (locked != null) {
      refuse(account, "locked");
      throw LoginThrottle.refusal(locked);
    }
    Credentials.Check check = credentials.check(login);
    switch (check.outcome()) {
      case OK -> {
        throttle.succeeded(account);
        return check.user();
      }
      case MFA_REQUIRED -> {
        refuse(account, "mfa_required");
        throw ProblemException.unauthorized(
            "mfa-required", "this account needs a totpCode or a recoveryCode");
      }
      default -> {
        throttle.failed(account, address);
        refuse(account, check.outcome().name().toLowerCase(java.util.Locale.ROOT));
        throw ProblemException.unauthorized(
            "invalid-credentials", "the email, password or code is wrong");
      }
    }
  }

  public TokenPair refresh(String presented) {
    return switch (tokens.rotate(presented)) {
      case TokenService.Rotation.Rotated rotated -> {
        sessions.refreshed(rotated.user());
        yield rotated.tokens();
      }
      case TokenService.Rotation.Reused reused -> {
        audit.recordIndependently(
            AuditEvent.failure(
                "auth.refresh", reused.userId().toString(), Map.of("reason", "reused")));
        throw ProblemException.unauthorized(
            "refresh-token-reused",
            "this refresh token was already used; every session of its login is now revoked");
      }
      case TokenService.Rotation.Invalid invalid -> {
        audit.recordIndependently(
            AuditEvent.failure("auth.refresh", null, Map.of("reason", "invalid")));
        throw ProblemException.unauthorized(
            "invalid-refresh-token", "the refresh token is invalid or expired");
      }
    };
  }

  @Transactional
  public void logout(String presented) {
    boolean known = tokens.revoke(presented);
    audit.record(
        known
            ? AuditEvent.success("auth.logout", null, null, Map.of())
            : AuditEvent.failure("auth.logout", null, Map.of("reason", "unknown token")));
  }

  private void refuse(String account, String reason) {
    audit.recordIndependently(AuditEvent.failure(LOGIN, account, Map.of("reason", reason)));
  }
}
