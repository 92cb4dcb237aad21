package io.tenantry.controlplane.signin;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.users.PasswordHasher;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A signed-in user changes their own password. Every refresh token of the account is revoked, so a
 * session opened with the old password (perhaps by someone else) cannot continue; the caller gets a
 * new pair instead. A wrong current password counts as a failed login, so this endpoint cannot be
 * used to guess a password past the login lockout.
 */
@ApplicationScoped
public class PasswordChanges {

  private static final String ACTION = "auth.password.change";

  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final RequestContext request;
  private final Event<PasswordChanged> passwordChanged;

  PasswordChanges(
      TokenService tokens,
      LoginThrottle throttle,
      AuditLog audit,
      RequestContext request,
      Event<PasswordChanged> passwordChanged) {
    this.passwordChanged = passwordChanged;
    this.tokens = tokens;
    this.throttle = throttle;
    this.audit = audit;
    this.request = request;
  }

  @Transactional
  public TokenPair change(UUID userId, PasswordChange change) {
    return tokens.issue(changeOnly(userId, change));
  }

  /** Changes the password and ends every token session; issues no new tokens (the console). */
  @Transactional
  public PlatformUser changeOnly(UUID userId, PasswordChange change) {
    PlatformUser user = PlatformUser.findById(userId);
    String address = String.valueOf(request.clientAddress());
    Duration locked = throttle.lockedFor(user.email, address).orElse(null);
    if (locked != null) {
      refuse(user, "locked");
      throw LoginThrottle.refusal(locked);
    }
    if (!PasswordHasher.matches(change.currentPassword(), user.passwordHash)) {
      throttle.failed(user.email, address);
      refuse(user, "wrong current password");
      throw ProblemException.invalid("currentPassword", "does not match the account's password");
    }
    if (change.newPassword().equals(change.currentPassword())) {
      throw ProblemException.invalid("newPassword", "must differ from the current password");
    }
    user.passwordHash = PasswordHasher.hash(change.newPassword());
    user.passwordChangeRequired = false;
    user.updatedAt = Instant.now();
    int ended = tokens.revokeAll(user.id);
    audit.record(AuditEvent.success(ACTION, null, user.email, Map.of("sessionsEnded", ended)));
    passwordChanged.fire(new PasswordChanged(user.id));
    return user;
  }

  private void refuse(PlatformUser user, String reason) {
    audit.recordIndependently(AuditEvent.failure(ACTION, user.email, Map.of("reason", reason)));
  }
}
