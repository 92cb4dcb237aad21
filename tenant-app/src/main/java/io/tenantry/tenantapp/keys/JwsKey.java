package io.tenantry.tenantapp.keys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.jose4j.keys.EllipticCurves;

/**
 * A public key as PEM (X.509 SPKI) and the one JWS algorithm it verifies: the platform key the
 * operator mounts ({@code platform-public-key.pem}) and this tenant's own staff-token key. The
 * algorithm follows the key: ES256 for an EC P-256 key (what the control plane and the operator
 * generate), RS256 for an RSA key (one generated before EC). Every token is checked against exactly
 * this algorithm, so one under another, {@code none} or HMAC included, never passes. The only place
 * in this app that maps key type to algorithm.
 */
public record JwsKey(PublicKey key, SignatureAlgorithm algorithm) {

  private static final List<SignatureAlgorithm> DECODABLE =
      List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256);

  /** Decodes an X.509 SPKI PEM holding an EC P-256 or an RSA public key. */
  public static JwsKey decode(String pem) throws GeneralSecurityException {
    for (SignatureAlgorithm candidate : DECODABLE) {
      PublicKey key;
      try {
        key = KeyUtils.decodePublicKey(pem, candidate);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        continue; // not this key type; the next may fit
      }
      return new JwsKey(key, algorithmOf(key));
    }
    throw new InvalidKeyException("not an EC or RSA public key in PEM form");
  }

  private static SignatureAlgorithm algorithmOf(PublicKey key) throws InvalidKeyException {
    if (key instanceof ECPublicKey ec
        && EllipticCurves.P_256.equals(EllipticCurves.getName(ec.getParams().getCurve()))) {
      return SignatureAlgorithm.ES256;
    }
    if (key instanceof RSAPublicKey) {
      return SignatureAlgorithm.RS256;
    }
    throw new InvalidKeyException("an EC key must be on curve P-256");
  }
}
