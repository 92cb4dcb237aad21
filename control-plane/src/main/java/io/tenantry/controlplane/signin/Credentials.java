package io.tenantry.controlplane.signin;

import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.users.PasswordHasher;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Checks a login's password and second factor. */
@ApplicationScoped
public class Credentials {

  /** Why a login did or did not pass. */
  public enum Outcome {
    OK,
    BAD_CREDENTIALS,
    DISABLED,
    MFA_REQUIRED,
    BAD_MFA_CODE
  }

  /** The outcome and, when the password matched, the user. */
  public record Check(Outcome outcome, PlatformUser user) {}

  private final Totp totp;

  Credentials(Totp totp) {
    this.totp = totp;
  }

  /** Spends the TOTP step or recovery code used, so that it commits with the check. */
  @Transactional
  public Check check(LoginRequest login) {
    PlatformUser user = PlatformUser.findByEmail(login.email()).orElse(null);
    if (!PasswordHasher.matches(login.password(), user == null ? null : user.passwordHash)) {
      return new Check(Outcome.BAD_CREDENTIALS, null);
    }
    if (!user.enabled) {
      return new Check(Outcome.DISABLED, user);
    }
    if (!user.totpEnabled) {
      return new Check(Outcome.OK, user);
    }
    if (isBlank(login.totpCode()) && isBlank(login.recoveryCode())) {
      return new Check(Outcome.MFA_REQUIRED, user);
    }
    boolean passed =
        !isBlank(login.totpCode())
            ? totp.accept(user, login.totpCode())
            : spendRecoveryCode(user, login.recoveryCode());
    return new Check(passed ? Outcome.OK : Outcome.BAD_MFA_CODE, user);
  }

  private static boolean spendRecoveryCode(PlatformUser user, String code) {
    return RecoveryCode.update(
            "usedAt = ?1 where userId = ?2 and codeHash = ?3 and usedAt is null",
            Instant.now(),
            user.id,
            RandomSecrets.sha256(RecoveryCode.normalize(code)))
        == 1;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
