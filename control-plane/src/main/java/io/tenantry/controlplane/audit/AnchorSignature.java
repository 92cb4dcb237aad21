package io.tenantry.controlplane.audit;

import io.tenantry.common.keys.KeyPairs;
import io.tenantry.common.keys.Pem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/** Signs an anchor with the platform key and checks it against every key trusted now. */
final class AnchorSignature {

  private AnchorSignature() {}

  /** What is signed: the head's id and hash and the time, under a label no other signature uses. */
  static String signedText(AuditAnchor anchor) {
    return "tenantry-audit-anchor/v1\n"
        + anchor.headId
        + "\n"
        + anchor.headHash
        + "\n"
        + anchor.anchoredAt;
  }

  /** Fills in {@code anchor}'s algorithm and signature. */
  static void sign(AuditAnchor anchor, PrivateKey key, PublicKey publicKey) {
    try {
      anchor.algorithm = KeyPairs.jwsAlgorithm(publicKey);
      Signature signer = Signature.getInstance(javaName(anchor.algorithm));
      signer.initSign(key);
      signer.update(signedText(anchor).getBytes(StandardCharsets.UTF_8));
      anchor.signature = Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the platform key cannot sign an audit anchor", e);
    }
  }

  /**
   * Whether one of the keys in {@code trustedKeysPem} (the current key and those retired but still
   * in their overlap) signed {@code anchor}.
   */
  static boolean verify(AuditAnchor anchor, String trustedKeysPem) {
    List<PublicKey> keys;
    byte[] signature;
    try {
      keys = Pem.publicKeys(trustedKeysPem);
      signature = Base64.getDecoder().decode(anchor.signature);
    } catch (InvalidKeyException | IllegalArgumentException e) {
      return false;
    }
    for (PublicKey key : keys) {
      if (verifiesWith(anchor, signature, key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verifiesWith(AuditAnchor anchor, byte[] signature, PublicKey key) {
    try {
      if (!KeyPairs.jwsAlgorithm(key).equals(anchor.algorithm)) {
        return false;
      }
      Signature verifier = Signature.getInstance(javaName(anchor.algorithm));
      verifier.initVerify(key);
      verifier.update(signedText(anchor).getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // a malformed signature or a key of another kind: not signed by this key
      return false;
    }
  }

  private static String javaName(String jwsAlgorithm) throws InvalidKeyException {
    return switch (jwsAlgorithm) {
      case KeyPairs.ES256 -> "SHA256withECDSA";
      case KeyPairs.RS256 -> "SHA256withRSA";
      default -> throw new InvalidKeyException("no signature algorithm " + jwsAlgorithm);
    };
  }
}
