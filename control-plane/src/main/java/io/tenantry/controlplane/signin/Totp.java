package io.tenantry.controlplane.signin;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 TOTP: SHA-1, 6 digits, 30 seconds, as authenticator apps expect. Each code is single
 * use: a code is accepted only for a time step later than the last one accepted for the user (RFC
 * 6238 §5.2).
 */
@ApplicationScoped
public class Totp {

  private static final int PERIOD_SECONDS = 30;

  /** Steps accepted either side of now, as dev.samstevens.totp's verifier allows by default. */
  private static final int DISCREPANCY = 1;

  private final CodeGenerator generator = new DefaultCodeGenerator();
  private final AuthConfig config;
  private final EntityManager em;

  Totp(AuthConfig config, EntityManager em) {
    this.config = config;
    this.em = em;
  }

  String newSecret() {
    return new DefaultSecretGenerator(32).generate();
  }

  String uri(String secret, String account) {
    return new QrData.Builder()
        .label(account)
        .secret(secret)
        .issuer(config.totpIssuer())
        .algorithm(HashingAlgorithm.SHA1)
        .digits(6)
        .period(PERIOD_SECONDS)
        .build()
        .getUri();
  }

  /**
   * Accepts {@code code} for {@code user} and spends its time step, so that it commits with the
   * caller's transaction. A wrong code and a code already spent are refused alike.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean accept(PlatformUser user, String code) {
    OptionalLong step = matchingStep(user.totpSecret, code);
    return advance(user, step.orElse(-1), step.isPresent());
  }

  /**
   * The earliest step within the window whose code is {@code code}; every step is computed and
   * compared in constant time, so the answer's timing says nothing about which step matched.
   */
  OptionalLong matchingStep(String secret, String code) {
    if (secret == null || code == null) {
      return OptionalLong.empty();
    }
    byte[] presented = code.strip().getBytes(StandardCharsets.US_ASCII);
    long now = Math.floorDiv(Instant.now().getEpochSecond(), PERIOD_SECONDS);
    OptionalLong matched = OptionalLong.empty();
    for (long step = now + DISCREPANCY; step >= now - DISCREPANCY; step--) {
      byte[] expected = codeAt(secret, step);
      if (expected != null && MessageDigest.isEqual(expected, presented)) {
        matched = OptionalLong.of(step);
      }
    }
    return matched;
  }

  /**
   * Moves the user's last accepted step forward, or does nothing when it is not later. The row
   * count decides, so of two logins racing with one code only the first to commit passes. The
   * statement runs for a wrong code as well ({@code matched} false), so that a spent code costs the
   * same as a wrong one. The column is written only here, never through {@link PlatformUser}, so a
   * flush of that entity cannot put an older step back.
   */
  private boolean advance(PlatformUser user, long step, boolean matched) {
    return em.createNativeQuery(
                "UPDATE platform_users SET totp_last_step = ?1 WHERE id = ?2 AND ?3"
                    + " AND (totp_last_step IS NULL OR totp_last_step < ?1)")
            .setParameter(1, step)
            .setParameter(2, user.id)
            .setParameter(3, matched)
            .executeUpdate()
        == 1;
  }

  private byte[] codeAt(String secret, long step) {
    try {
      return generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
    } catch (CodeGenerationException e) {
      // The library's own verifier treats a secret it cannot use as a code that does not match.
      return null;
    }
  }
}
