package io.tenantry.controlplane.licensing;

import java.security.PublicKey;
import java.util.Map;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;

/** Test helper: verifies an entitlements signature as a tenant app would, and reads its payload. */
public record SignedEntitlements(String keyId, String algorithm, JwtClaims claims) {

  /** Throws when {@code jws} is not signed by {@code key}. */
  public static SignedEntitlements verify(String jws, PublicKey key) throws Exception {
    JsonWebSignature signature = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(jws);
    signature.setKey(key);
    if (!signature.verifySignature()) {
      throw new AssertionError("the entitlements signature does not verify");
    }
    return new SignedEntitlements(
        signature.getKeyIdHeaderValue(),
        signature.getAlgorithmHeaderValue(),
        JwtClaims.parse(signature.getPayload()));
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> entitlements() {
    return (Map<String, Object>) claims.getClaimValue("entitlements");
  }
}
