package io.tenantry.controlplane.identity;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 6238 TOTP: SHA-1, 6 digits, 30 seconds, as authenticator apps expect. */
@ApplicationScoped
public class Totp {

  private final CodeVerifier verifier =
      new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
  private final AuthConfig config;

  Totp(AuthConfig config) {
    this.config = config;
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
        .period(30)
        .build()
        .getUri();
  }

  boolean matches(String secret, String code) {
    return secret != null && code != null && verifier.isValidCode(secret, code.strip());
  }
}
