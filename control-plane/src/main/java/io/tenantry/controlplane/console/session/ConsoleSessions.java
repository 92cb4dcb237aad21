package io.tenantry.controlplane.console.session;

import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.console.ConsoleConfig;
import io.tenantry.controlplane.signin.MfaReset;
import io.tenantry.controlplane.signin.PasswordChanged;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Server-side console sessions: started after a passed sign-in, found by the cookie's id, ended on
 * sign-out, on a password change or MFA reset, when idle for too long or past their absolute
 * lifetime.
 */
@ApplicationScoped
public class ConsoleSessions {

  /** Last-seen is written at most this often, so that reading pages does not write every time. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A new session: the cookie value (shown once, never stored) and the CSRF token. */
  public record Started(String cookieValue, String csrfToken) {}

  /** A live session and its user, read fresh from the database. */
  public record Active(PlatformUser user, String csrfToken) {}

  private final ConsoleConfig config;
  private final AuditLog audit;
  private final RequestContext request;

  ConsoleSessions(ConsoleConfig config, AuditLog audit, RequestContext request) {
    this.config = config;
    this.audit = audit;
    this.request = request;
  }

  @Transactional
  public Started start(PlatformUser user) {
    String cookieValue = RandomSecrets.random(32);
    Instant now = Instant.now();
    ConsoleSession session = new ConsoleSession();
    session.idHash = RandomSecrets.sha256(cookieValue);
    session.userId = user.id;
    session.csrfToken = RandomSecrets.random(32);
    session.createdAt = now;
    session.lastSeenAt = now;
    session.expiresAt = now.plus(config.absoluteTimeout());
    session.persist();
    request.signedIn(user.id, user.email);
    audit.record(
        AuditEvent.success(
            "auth.login", null, user.email, Map.of("mfa", user.totpEnabled, "via", "console")));
    return new Started(cookieValue, session.csrfToken);
  }

  /** The session a cookie names, if it is live and its user enabled. */
  @Transactional
  public Optional<Active> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 128) {
      return Optional.empty();
    }
    ConsoleSession session = ConsoleSession.findById(RandomSecrets.sha256(cookieValue));
    if (session == null) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    if (!now.isBefore(session.expiresAt)
        || !now.isBefore(session.lastSeenAt.plus(config.idleTimeout()))) {
      session.delete();
      return Optional.empty();
    }
    PlatformUser user = PlatformUser.findById(session.userId);
    if (user == null || !user.enabled) {
      return Optional.empty();
    }
    if (!now.isBefore(session.lastSeenAt.plus(TOUCH_EVERY))) {
      session.lastSeenAt = now;
    }
    return Optional.of(new Active(user, session.csrfToken));
  }

  @Transactional
  public void end(String cookieValue, PlatformUser user) {
    ConsoleSession.delete("idHash", RandomSecrets.sha256(cookieValue));
    audit.record(AuditEvent.success("auth.logout", null, user.email, Map.of("via", "console")));
  }

  /** A changed password ends every browser session of its user, as it revokes refresh tokens. */
  void passwordChanged(@Observes PasswordChanged changed) {
    endAll(changed.userId());
  }

  /** A reset MFA ends every browser session of its user: they must sign in and enrol again. */
  void mfaReset(@Observes MfaReset reset) {
    endAll(reset.userId());
  }

  /** Ends every browser session of a user; the caller's transaction commits it. */
  public static long endAll(UUID userId) {
    return ConsoleSession.delete("userId", userId);
  }
}
