package io.tenantry.controlplane.licensing;

import io.smallrye.jwt.build.Jwt;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.signin.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * Signs entitlements as a compact JWS by the platform key (ES256, or RS256 for an RSA key), with
 * the payload of docs/contracts.md ("Entitlements"). The {@code kid} is the key's RFC 7638
 * thumbprint, which a tenant app can compute from {@code platform-public-key.pem} alone.
 */
@ApplicationScoped
public class EntitlementsSigner {

  private final PlatformKeys keys;
  private final AuthConfig auth;
  private final LicensingConfig config;
  private final EntityManager em;

  EntitlementsSigner(PlatformKeys keys, AuthConfig auth, LicensingConfig config, EntityManager em) {
    this.keys = keys;
    this.auth = auth;
    this.config = config;
    this.em = em;
  }

  /**
   * Signs {@code entitlements} with the next {@code ver}: a number from one database sequence, so
   * it grows with every signature whichever replica makes it, and a tenant app that remembers the
   * highest it accepted can refuse an older, validly signed blob put back into the spec.
   */
  @Transactional
  public String sign(String slug, Map<String, Object> entitlements) {
    Instant now = Instant.now();
    long version =
        ((Number) em.createNativeQuery("SELECT nextval('entitlements_version')").getSingleResult())
            .longValue();
    return Jwt.claims()
        .issuer(auth.issuer())
        .subject("tenant:" + slug)
        .claim("tenant", slug)
        .claim("ver", version)
        .issuedAt(now)
        .expiresAt(now.plus(config.signatureValidity()))
        // the tenant app never goes back to a lower version: signing time in ms only grows
        .claim("ver", now.toEpochMilli())
        .claim("entitlements", entitlements)
        .jws()
        .algorithm(keys.algorithm())
        .keyId(keyId())
        .sign(keys.privateKey());
  }

  /** The platform key's id: its SHA-256 JWK thumbprint, base64url. */
  public String keyId() {
    try {
      return PublicJsonWebKey.Factory.newPublicJwk(keys.publicKey())
          .calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    } catch (JoseException e) {
      throw new IllegalStateException("the platform public key has no JWK form", e);
    }
  }
}
