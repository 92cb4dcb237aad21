package io.tenantry.tenantapp.entitlements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.tenantapp.keys.JwsKey;
import io.tenantry.tenantapp.keys.PlatformKey;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Reads {@code entitlements.json} as the operator projects it and trusts only its {@code
 * signature}: a compact JWS by a platform key (the key set may hold two during a rotation), under
 * the one algorithm that key dictates (see {@link JwsKey}), issued by the platform for this tenant.
 * The fields beside the signature are a readable copy and are ignored.
 */
final class EntitlementsVerifier {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String slug;
  private final int clockSkewSeconds;

  EntitlementsVerifier(String slug, long clockSkewSeconds) {
    this.slug = slug;
    this.clockSkewSeconds = Math.toIntExact(clockSkewSeconds);
  }

  /** Entitlements and the version they were signed with ({@code ver}; 0 where absent). */
  record Verified(Entitlements entitlements, long version) {}

  /**
   * Verifies {@code file} with any key of the key set {@code platformKeysPem}: during a rotation it
   * holds the new key and the one before, and entitlements signed with either are valid.
   */
  Verified verify(String file, String platformKeysPem, Instant now) throws EntitlementsRefused {
    String jws = signatureOf(file);
    EntitlementsRefused refused = null;
    for (JwsKey key : platformKeys(platformKeysPem)) {
      try {
        return read(verifiedClaims(jws, key, now));
      } catch (EntitlementsRefused e) {
        refused = refused == null ? e : refused; // the next key may verify them
      }
    }
    throw refused;
  }

  /**
   * Entitlements this app verified before and kept in its own database: read without checking the
   * signature again, as the key that signed them may since have been rotated away.
   */
  Verified trusted(String file) throws EntitlementsRefused {
    try {
      return read(
          new JwtConsumerBuilder()
              .setSkipSignatureVerification()
              .setSkipAllValidators()
              .build()
              .processToClaims(signatureOf(file)));
    } catch (InvalidJwtException e) {
      throw new EntitlementsRefused("the kept entitlements are not a JWS");
    }
  }

  private Verified read(JwtClaims claims) throws EntitlementsRefused {
    Object tenant = claims.getClaimValue("tenant");
    if (!slug.equals(tenant)) {
      throw new EntitlementsRefused(
          "they are signed for tenant '" + tenant + "', not for '" + slug + "'");
    }
    if (!(claims.getClaimValue("entitlements") instanceof Map<?, ?> payload)) {
      throw new EntitlementsRefused("the signed payload has no 'entitlements' object");
    }
    Entitlements entitlements;
    try {
      entitlements = JSON.convertValue(payload, Payload.class).toEntitlements();
    } catch (IllegalArgumentException e) {
      throw new EntitlementsRefused("the 'entitlements' object holds a field of the wrong type");
    }
    return new Verified(entitlements, versionOf(claims));
  }

  private static long versionOf(JwtClaims claims) throws EntitlementsRefused {
    Object ver = claims.getClaimValue("ver");
    if (ver == null) {
      return 0;
    }
    if (ver instanceof Long number && number >= 0) {
      return number;
    }
    throw new EntitlementsRefused("'ver' must be a whole number of at least 0");
  }

  private static String signatureOf(String file) throws EntitlementsRefused {
    try {
      JsonNode signature = JSON.readTree(file).path("signature");
      if (!signature.isTextual() || signature.asText().isBlank()) {
        throw new EntitlementsRefused("they carry no 'signature'");
      }
      return signature.asText();
    } catch (JsonProcessingException e) {
      throw new EntitlementsRefused("the file is not JSON");
    }
  }

  private static List<JwsKey> platformKeys(String pem) throws EntitlementsRefused {
    if (pem == null) {
      throw new EntitlementsRefused("no platform public key is present to verify them");
    }
    try {
      return JwsKey.decodeAll(pem);
    } catch (GeneralSecurityException e) {
      throw new EntitlementsRefused("the platform public key is unreadable");
    }
  }

  private JwtClaims verifiedClaims(String jws, JwsKey key, Instant now) throws EntitlementsRefused {
    String algorithm = key.algorithm().getAlgorithm();
    try {
      return new JwtConsumerBuilder()
          .setVerificationKey(key.key())
          // the key's algorithm only: "none" and HMAC (with the public key as secret) never pass
          .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm)
          .setExpectedIssuer(PlatformKey.ISSUER)
          .setRequireIssuedAt()
          .setSkipDefaultAudienceValidation()
          .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
          .setAllowedClockSkewInSeconds(clockSkewSeconds)
          .build()
          .processToClaims(jws);
    } catch (InvalidJwtException e) {
      throw new EntitlementsRefused(reasonOf(e, algorithm));
    }
  }

  // jose4j's own messages quote the token, which must not reach the log
  private static String reasonOf(InvalidJwtException e, String algorithm) {
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return "the signature does not verify with the platform public key";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return "they are not issued by " + PlatformKey.ISSUER;
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
      return "the signature has expired";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
      return "the signed payload has no 'iat'";
    }
    return "the signature is not an " + algorithm + " JWS the platform public key verifies";
  }

  /** The signed {@code entitlements} object, as sent. */
  record Payload(
      String plan,
      Integer seats,
      String expiresAt,
      Integer gracePeriodDays,
      String licenseStatus,
      Map<String, Boolean> features) {

    Entitlements toEntitlements() throws EntitlementsRefused {
      if (plan == null || plan.isBlank()) {
        throw new EntitlementsRefused("entitlements.plan: must be present");
      }
      if (seats == null || seats < 0) {
        throw new EntitlementsRefused("entitlements.seats: must be a number of at least 0");
      }
      int grace = gracePeriodDays == null ? 0 : gracePeriodDays;
      if (grace < 0) {
        throw new EntitlementsRefused("entitlements.gracePeriodDays: must be at least 0");
      }
      return new Entitlements(
          plan, seats, expiry(), grace, status(), features == null ? Map.of() : on(features));
    }

    private static Map<String, Boolean> on(Map<String, Boolean> flags) {
      Map<String, Boolean> known = new TreeMap<>();
      flags.forEach((key, value) -> known.put(key, Boolean.TRUE.equals(value)));
      return known;
    }

    private Instant expiry() throws EntitlementsRefused {
      try {
        return expiresAt == null ? null : OffsetDateTime.parse(expiresAt).toInstant();
      } catch (DateTimeParseException e) {
        throw new EntitlementsRefused("entitlements.expiresAt: must be an RFC 3339 instant");
      }
    }

    private LicenseStatus status() throws EntitlementsRefused {
      try {
        return LicenseStatus.valueOf(String.valueOf(licenseStatus));
      } catch (IllegalArgumentException e) {
        throw new EntitlementsRefused(
            "entitlements.licenseStatus: must be one of active, grace, expired, suspended,"
                + " revoked");
      }
    }
  }
}
