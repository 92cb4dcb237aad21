package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Each refused token differs from a valid one in exactly one respect; {@link
 * #wellFormedStaffTokenIsAccepted} shows the unbroken version passes.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class TokenRefusalTest {

  private static final String API = "/api/v1/subscribers";

  @Inject TestTenant tenant;

  private PrivateKey ownKey() throws Exception {
    Path signingKeyDir =
        ConfigProvider.getConfig().getValue("tenantry.tenant.signing-key-dir", Path.class);
    return KeyUtils.decodePrivateKey(
        Files.readString(signingKeyDir.resolve("private-key.pem")), SignatureAlgorithm.ES256);
  }

  /** Signed with the app's own key as the app signs: ES256 (the key it generated is EC P-256). */
  private String ownSigned(JwtClaimsBuilder claims) throws Exception {
    return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(ownKey());
  }

  private JwtClaimsBuilder staffClaims() {
    return Jwt.issuer("https://acme.tenants.tenantry.io")
        .audience("tenant-app")
        .subject(tenant.userIdFor(Role.operator).toString())
        .groups("operator")
        .claim("tenant", "acme")
        .expiresIn(300);
  }

  private static void refused(String token) {
    given().auth().oauth2(token).get(API).then().statusCode(401);
  }

  @Test
  void wellFormedStaffTokenIsAccepted() throws Exception {
    given().auth().oauth2(ownSigned(staffClaims())).get(API).then().statusCode(200);
  }

  @Test
  void tokenSignedByAnotherTenantsKeyIsRefused() {
    refused(staffClaims().sign(TenantKeysTestResource.rsa().getPrivate()));
  }

  @Test
  void tokenCarryingAnotherTenantIsRefused() throws Exception {
    refused(ownSigned(staffClaims().claim("tenant", "globex")));
  }

  @Test
  void tokenFromAnotherTenantsIssuerIsRefused() throws Exception {
    refused(ownSigned(staffClaims().issuer("https://globex.tenants.tenantry.io")));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() throws Exception {
    refused(ownSigned(staffClaims().audience("tenantry-control-plane")));
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    long now = Instant.now().getEpochSecond();
    refused(ownSigned(staffClaims().issuedAt(now - 900).expiresAt(now - 600)));
  }

  @Test
  void tokenNamingAnUnknownRoleIsRefused() throws Exception {
    refused(ownSigned(staffClaims().groups("superuser")));
  }

  @Test
  void hmacSignedTokenIsRefused() {
    byte[] secret = "an-hmac-secret-that-is-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    refused(
        staffClaims()
            .jws()
            .algorithm(SignatureAlgorithm.HS256)
            .sign(new SecretKeySpec(secret, "HmacSHA256")));
  }

  @Test
  void unsignedTokenIsRefused() throws Exception {
    String signed = ownSigned(staffClaims());
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    refused(header + "." + signed.split("\\.")[1] + ".");
  }

  @Test
  void platformServiceTokenIsRefusedOnTheStaffApi() {
    refused(tenant.platformToken("tenant:search tenant:usage"));
  }
}
