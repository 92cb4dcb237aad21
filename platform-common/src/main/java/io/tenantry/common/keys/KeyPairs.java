package io.tenantry.common.keys;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * The platform's signing keys: how a new one is made and which JWS algorithm a key signs with. New
 * keys are EC P-256 (ES256): one costs about 0.1 ms to generate where an RSA-2048 pair costs 50-100
 * ms, and its signatures are cheaper too. RSA keys made by earlier versions keep working as RS256.
 */
public final class KeyPairs {

  public static final String ES256 = "ES256";
  public static final String RS256 = "RS256";

  private static final ECParameterSpec P256 = p256();

  private KeyPairs() {}

  /** A fresh EC P-256 pair. */
  public static KeyPair newEcP256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }

  /**
   * The one JWS algorithm {@code key} verifies: ES256 for EC P-256, RS256 for RSA; any other key is
   * refused. The only place that maps key type to algorithm, so that a token signed under another
   * algorithm ({@code none} and HMAC included) never passes.
   */
  public static String jwsAlgorithm(PublicKey key) throws InvalidKeyException {
    if (key instanceof ECPublicKey ec) {
      if (isP256(ec.getParams())) {
        return ES256;
      }
      throw new InvalidKeyException("an EC key must be on curve P-256");
    }
    if (key instanceof RSAPublicKey) {
      return RS256;
    }
    throw new InvalidKeyException(
        "a signing key must be EC P-256 or RSA, not " + key.getAlgorithm());
  }

  private static boolean isP256(ECParameterSpec params) {
    return params.getCurve().equals(P256.getCurve())
        && params.getGenerator().equals(P256.getGenerator())
        && params.getOrder().equals(P256.getOrder())
        && params.getCofactor() == P256.getCofactor();
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }
}
