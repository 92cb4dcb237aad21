package io.tenantry.tenantapp.keys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.tenantry.common.keys.KeyPairs;
import io.tenantry.common.keys.Pem;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A public key as PEM (X.509 SPKI) and the one JWS algorithm it verifies: the platform key the
 * operator mounts ({@code platform-public-key.pem}) and this tenant's own staff-token key. The
 * algorithm follows the key: ES256 for an EC P-256 key (what the control plane and the operator
 * generate), RS256 for an RSA key (one generated before EC). Every token is checked against exactly
 * this algorithm, so one under another, {@code none} or HMAC included, never passes. The only place
 * in this app that maps key type to algorithm.
 */
public record JwsKey(PublicKey key, SignatureAlgorithm algorithm) {

  /** Decodes an X.509 SPKI PEM holding one EC P-256 or RSA public key. */
  public static JwsKey decode(String pem) throws GeneralSecurityException {
    return of(Pem.publicKey(pem));
  }

  /**
   * Every key of a key set: the PEM blocks of a file that holds the current platform key and,
   * during a rotation, the one before it. Refused when any block is not a usable key.
   */
  public static List<JwsKey> decodeAll(String pem) throws GeneralSecurityException {
    List<JwsKey> keys = new ArrayList<>();
    for (PublicKey key : Pem.publicKeys(pem)) {
      keys.add(of(key));
    }
    return keys;
  }

  /** The key and the algorithm {@link KeyPairs} assigns it; other keys are refused. */
  public static JwsKey of(PublicKey key) throws InvalidKeyException {
    return new JwsKey(key, SignatureAlgorithm.fromAlgorithm(KeyPairs.jwsAlgorithm(key)));
  }
}
