package io.tenantry.controlplane.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each refused token differs from the accepted one in exactly one respect. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class JwtNegativesTest {

  private static final String ME = "/api/v1/auth/me";

  @Inject TestPlatform platform;

  private PlatformUser user;

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.SUPPORT);
  }

  private JwtClaimsBuilder claims() {
    Instant now = Instant.now();
    return Jwt.issuer(TestPlatform.ISSUER)
        .audience(TestPlatform.AUDIENCE)
        .subject(user.id.toString())
        .upn(user.email)
        .groups(user.role)
        .issuedAt(now)
        .expiresAt(now.plusSeconds(300));
  }

  private static void refused(String token) {
    given()
        .auth()
        .oauth2(token)
        .get(ME)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/invalid-token"));
  }

  @Test
  void aWellFormedTokenIsAccepted() {
    given().auth().oauth2(platform.sign(claims())).get(ME).then().statusCode(200);
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant now = Instant.now();
    refused(
        platform.sign(claims().issuedAt(now.minusSeconds(1200)).expiresAt(now.minusSeconds(600))));
  }

  @Test
  void aTokenNotYetValidIsRefused() {
    Instant now = Instant.now();
    refused(
        platform.sign(
            claims()
                .claim("nbf", now.plusSeconds(600).getEpochSecond())
                .expiresAt(now.plusSeconds(900))));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    refused(platform.sign(claims().issuer("https://evil.example")));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    refused(platform.sign(claims().audience("tenant:acme")));
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    // another key of the platform key's own type, so only the signature is wrong
    refused(
        claims()
            .jws()
            .algorithm(SignatureAlgorithm.ES256)
            .sign(KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256).getPrivate()));
  }

  @Test
  void anRs256TokenIsRefusedWhileThePlatformKeyIsEc() throws Exception {
    refused(
        claims()
            .jws()
            .algorithm(SignatureAlgorithm.RS256)
            .sign(KeyUtils.generateKeyPair(2048).getPrivate()));
  }

  @Test
  void anUnsignedTokenWithAlgNoneIsRefused() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String valid = platform.sign(claims());
    String payload = valid.split("\\.")[1];
    String header =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    refused(header + "." + payload + ".");
  }

  @Test
  void anHs256TokenSignedWithThePublicKeyIsRefused() {
    byte[] publicKeyPem =
        ("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(platform.keys().publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n")
            .getBytes(StandardCharsets.UTF_8);
    refused(
        claims()
            .jws()
            .algorithm(SignatureAlgorithm.HS256)
            .sign(new SecretKeySpec(publicKeyPem, "HmacSHA256")));
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() {
    Instant now = Instant.now();
    refused(platform.sign(claims().issuedAt(now.plusSeconds(600)).expiresAt(now.plusSeconds(900))));
  }

  @Test
  void aTokenLivingLongerThanTheMaximumLifetimeIsRefused() {
    // the platform issues five-minute tokens; a signed one for ten years is not one of them
    Instant now = Instant.now();
    refused(platform.sign(claims().issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650)))));
  }

  @Test
  void aRefusedTokenIsAnsweredWithABearerChallengeNamingTheError() {
    Instant now = Instant.now();
    given()
        .auth()
        .oauth2(platform.sign(claims().issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650)))))
        .get(ME)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo("Bearer realm=\"tenantry\", error=\"invalid_token\""));
  }

  @Test
  void aRequestWithoutATokenIsAnsweredWithABearerChallenge() {
    given()
        .get(ME)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", equalTo("Bearer realm=\"tenantry\""));
  }
}
