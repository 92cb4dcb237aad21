package io.tenantry.controlplane.signin;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * TOTP enrolment: enrol returns the secret, confirm proves the app has it and enables MFA. An owner
 * may reset another user's MFA (a lost phone): the user then signs in with the password alone and
 * must enrol again before doing anything else.
 */
@ApplicationScoped
public class MfaService {

  private static final int RECOVERY_CODES = 10;

  /** What an authenticator app needs. */
  public record Enrolment(String secret, String otpauthUri) {}

  /** Shown once; only their hashes are kept. */
  public record RecoveryCodes(List<String> recoveryCodes) {}

  private final Totp totp;
  private final TokenService tokens;
  private final AuditLog audit;
  private final Event<MfaReset> resets;

  MfaService(Totp totp, TokenService tokens, AuditLog audit, Event<MfaReset> resets) {
    this.totp = totp;
    this.tokens = tokens;
    this.audit = audit;
    this.resets = resets;
  }

  @Transactional
  public Enrolment enrol(UUID userId) {
    PlatformUser user = PlatformUser.findById(userId);
    if (user.totpEnabled) {
      throw ProblemException.conflict("mfa-already-enabled", "MFA is already enabled");
    }
    user.totpSecret = totp.newSecret();
    audit.record(AuditEvent.success("auth.mfa.enrol", null, user.email, Map.of()));
    return new Enrolment(user.totpSecret, totp.uri(user.totpSecret, user.email));
  }

  @Transactional
  public RecoveryCodes confirm(UUID userId, String code) {
    PlatformUser user = PlatformUser.findById(userId);
    if (user.totpEnabled) {
      throw ProblemException.conflict("mfa-already-enabled", "MFA is already enabled");
    }
    if (user.totpSecret == null) {
      throw ProblemException.conflict("mfa-not-enrolled", "call /api/v1/auth/mfa/enrol first");
    }
    if (!totp.accept(user, code)) {
      throw ProblemException.invalid("code", "does not match the authenticator app");
    }
    user.totpEnabled = true;
    user.mfaEnrolmentRequired = false;
    String[] codes = new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES);
    for (String recovery : codes) {
      RecoveryCode stored = new RecoveryCode();
      stored.userId = user.id;
      stored.codeHash = RandomSecrets.sha256(RecoveryCode.normalize(recovery));
      stored.persist();
    }
    audit.record(AuditEvent.success("auth.mfa.enable", null, user.email, Map.of("code", code)));
    return new RecoveryCodes(List.of(codes));
  }

  /**
   * Removes {@code userId}'s second factor (secret and recovery codes) and ends their sessions, so
   * whoever holds the old authenticator or a signed-in browser loses it; the user must enrol again.
   * An owner cannot reset their own: a stolen session must not be able to drop the factor that
   * protects the account, so another owner has to.
   */
  @Transactional
  public UserService.UserView reset(UUID userId, UUID ownerId) {
    PlatformUser user = PlatformUser.findById(userId);
    if (user == null) {
      throw ProblemException.notFound("user " + userId);
    }
    if (user.id.equals(ownerId)) {
      throw ProblemException.conflict(
          "mfa-reset-self", "another owner must reset your MFA; you cannot reset your own");
    }
    boolean wasEnabled = user.totpEnabled;
    user.totpEnabled = false;
    user.totpSecret = null;
    user.mfaEnrolmentRequired = true;
    user.updatedAt = Instant.now();
    RecoveryCode.delete("userId", user.id);
    int ended = tokens.revokeAll(user.id);
    resets.fire(new MfaReset(user.id));
    audit.record(
        AuditEvent.success(
            "user.mfa.reset",
            null,
            user.id.toString(),
            Map.of("email", user.email, "mfaWasEnabled", wasEnabled, "sessionsEnded", ended)));
    return UserService.UserView.of(user);
  }
}
