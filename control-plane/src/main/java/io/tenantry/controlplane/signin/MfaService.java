package io.tenantry.controlplane.signin;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** TOTP enrolment: enrol returns the secret, confirm proves the app has it and enables MFA. */
@ApplicationScoped
public class MfaService {

  private static final int RECOVERY_CODES = 10;

  /** What an authenticator app needs. */
  public record Enrolment(String secret, String otpauthUri) {}

  /** Shown once; only their hashes are kept. */
  public record RecoveryCodes(List<String> recoveryCodes) {}

  private final Totp totp;
  private final AuditLog audit;

  MfaService(Totp totp, AuditLog audit) {
    this.totp = totp;
    this.audit = audit;
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
}
