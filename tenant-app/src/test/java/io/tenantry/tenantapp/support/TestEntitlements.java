package io.tenantry.tenantapp.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entitlements as the control plane signs them and the operator projects them: the payload of
 * docs/contracts.md ("Entitlements") signed by a platform key (ES256 for EC, RS256 for RSA),
 * written as {@code entitlements.json} with the readable copy beside the signature.
 */
public final class TestEntitlements {

  public static final String FILE = "entitlements.json";
  public static final Map<String, Boolean> ALL_ON =
      Map.of("invoicing", true, "support-tickets", true, "radius-sessions", true);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> entitlements = new LinkedHashMap<>();
  private String tenant = "acme";
  private String issuer = "https://tenantry.io/platform";
  private Long version;

  private TestEntitlements(String plan, int seats) {
    entitlements.put("plan", plan);
    entitlements.put("seats", seats);
    entitlements.put("gracePeriodDays", 14);
    entitlements.put("licenseStatus", "active");
    entitlements.put("features", ALL_ON);
  }

  /** An active perpetual license with every feature on. */
  public static TestEntitlements plan(String plan, int seats) {
    return new TestEntitlements(plan, seats);
  }

  /** What the test profile starts with: room for every existing test. */
  public static TestEntitlements generous() {
    return plan("enterprise", 1000);
  }

  public TestEntitlements features(Map<String, Boolean> features) {
    entitlements.put("features", Map.copyOf(features));
    return this;
  }

  public TestEntitlements expiresAt(Instant expiresAt, int gracePeriodDays) {
    entitlements.put("expiresAt", expiresAt.toString());
    entitlements.put("gracePeriodDays", gracePeriodDays);
    return this;
  }

  public TestEntitlements licenseStatus(String status) {
    entitlements.put("licenseStatus", status);
    return this;
  }

  public TestEntitlements forTenant(String slug) {
    tenant = slug;
    return this;
  }

  /** {@code ver}; by default the signing time in milliseconds, as the control plane sets it. */
  public TestEntitlements version(long ver) {
    version = ver;
    return this;
  }

  public TestEntitlements issuedBy(String iss) {
    issuer = iss;
    return this;
  }

  public Map<String, Object> payload() {
    return Map.copyOf(entitlements);
  }

  /** The compact JWS, with the claims the control plane sets. */
  public String sign(PrivateKey platformKey) {
    Instant now = Instant.now();
    return Jwt.claims()
        .issuer(issuer)
        .subject("tenant:" + tenant)
        .claim("tenant", tenant)
        .issuedAt(now)
        // the control plane signs for years, so a tenant keeps its entitlements while it is down
        .expiresAt(now.plus(Duration.ofDays(3650)))
        .claim("ver", version != null ? version : now.toEpochMilli())
        .claim("entitlements", entitlements)
        .jws()
        .algorithm(TenantKeysTestResource.algorithmFor(platformKey))
        .keyId("test-platform-key")
        .sign(platformKey);
  }

  /** {@code entitlements.json} carrying {@code signature}, beside a readable copy of this. */
  public String file(String signature) {
    Map<String, Object> spec = new LinkedHashMap<>(entitlements);
    spec.remove("plan");
    spec.put("signature", signature);
    try {
      return JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String signedFile(PrivateKey platformKey) {
    return file(sign(platformKey));
  }

  /** Replaces the file in one step, as a ConfigMap volume's symlink swap does. */
  public static void write(Path entitlementsDir, String content) {
    try {
      Path next = Files.createTempFile(entitlementsDir, ".entitlements-", ".tmp");
      Files.writeString(next, content);
      Files.move(
          next,
          entitlementsDir.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
