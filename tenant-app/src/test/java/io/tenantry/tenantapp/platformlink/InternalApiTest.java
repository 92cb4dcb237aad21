package io.tenantry.tenantapp.platformlink;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.tenantry.common.keys.Pem;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform's internal API: platform service tokens only, one scope per endpoint. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class InternalApiTest {

  @Inject TestTenant tenant;

  @BeforeEach
  void seed() {
    tenant.cleanDomain();
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.operator))
        .contentType(ContentType.JSON)
        .body(TestTenant.subscriber("ACC-I1", "Ngozi Abubakar"))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(201);
  }

  @Test
  void searchScopeOpensSearch() {
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:search"))
        .queryParam("q", "Ngozi")
        .get("/internal/v1/search")
        .then()
        .statusCode(200)
        .body("hits[0].type", equalTo("subscriber"))
        .body("hits[0].title", equalTo("Ngozi Abubakar"));
  }

  @Test
  void usageScopeOpensUsageWithCounts() {
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:usage"))
        .get("/internal/v1/usage")
        .then()
        .statusCode(200)
        .body("subscribers", equalTo(1))
        .body("seatsUsed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
  }

  @Test
  void searchScopeDoesNotOpenUsage() {
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:search"))
        .get("/internal/v1/usage")
        .then()
        .statusCode(403);
  }

  @Test
  void usageScopeDoesNotOpenSearch() {
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:usage"))
        .queryParam("q", "Ngozi")
        .get("/internal/v1/search")
        .then()
        .statusCode(403);
  }

  @Test
  void aTokenWithBothScopesOpensBothEndpoints() {
    String token = tenant.platformToken("tenant:usage tenant:search");
    given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(200);
    given()
        .auth()
        .oauth2(token)
        .queryParam("q", "Ngozi")
        .get("/internal/v1/search")
        .then()
        .statusCode(200);
  }

  @Test
  void aGroupsClaimGrantsAPlatformTokenNothing() {
    // the platform parser reads the scopes as the groups: a groups claim of its own is ignored
    String token =
        tenant.signAsPlatform(
            TestTenant.platformClaims("tenant:usage").groups(Set.of("tenant:search")));
    given()
        .auth()
        .oauth2(token)
        .queryParam("q", "Ngozi")
        .get("/internal/v1/search")
        .then()
        .statusCode(403);
  }

  @Test
  void staffTokenNeverOpensTheInternalApi() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void platformTokenForAnotherTenantIsRefused() {
    given()
        .auth()
        .oauth2(
            tenant.signAsPlatform(
                TestTenant.platformClaims("tenant:usage").audience("tenant:globex")))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void platformAdminTokenIsRefused() {
    given()
        .auth()
        .oauth2(
            tenant.signAsPlatform(
                TestTenant.platformClaims("tenant:usage").audience("tenantry-control-plane")))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void tokenNotSignedByThePlatformIsRefused() {
    given()
        .auth()
        .oauth2(
            TenantKeysTestResource.sign(
                TestTenant.platformClaims("tenant:usage"),
                TenantKeysTestResource.ec().getPrivate()))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void longLivedPlatformTokenIsRefused() {
    long now = Instant.now().getEpochSecond();
    given()
        .auth()
        .oauth2(
            tenant.signAsPlatform(
                TestTenant.platformClaims("tenant:usage").issuedAt(now).expiresAt(now + 3600)))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void expiredPlatformTokenIsRefused() {
    long now = Instant.now().getEpochSecond();
    given()
        .auth()
        .oauth2(
            tenant.signAsPlatform(
                TestTenant.platformClaims("tenant:usage").issuedAt(now - 200).expiresAt(now - 140)))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void platformTokenFromAnotherIssuerIsRefused() {
    given()
        .auth()
        .oauth2(
            tenant.signAsPlatform(
                TestTenant.platformClaims("tenant:usage").issuer("https://evil.example")))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void anEs256TokenByTheConfiguredEcPlatformKeyIsAccepted() {
    String token = tenant.platformToken("tenant:usage");

    assertThat(header(token)).containsEntry("alg", "ES256");
    given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(200);
  }

  @Test
  void anRs256TokenIsRefusedWhileThePlatformKeyIsEc() {
    String token =
        TenantKeysTestResource.sign(
            TestTenant.platformClaims("tenant:usage"), TenantKeysTestResource.rsa().getPrivate());

    assertThat(header(token)).containsEntry("alg", "RS256");
    given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(401);
  }

  @Test
  void anRs256TokenByAnRsaPlatformKeyIsAcceptedWhileThatKeyIsConfigured() throws IOException {
    KeyPair rsa = TenantKeysTestResource.rsa();
    String token =
        TenantKeysTestResource.sign(TestTenant.platformClaims("tenant:usage"), rsa.getPrivate());

    withPlatformKey(
        rsa, () -> given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(200));
  }

  @Test
  void anEs256TokenIsRefusedWhileTheConfiguredPlatformKeyIsRsa() throws IOException {
    String token = tenant.platformToken("tenant:usage");

    withPlatformKey(
        TenantKeysTestResource.rsa(),
        () -> given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(401));
  }

  @Test
  void aTokenAcceptedBeforeThePlatformKeyChangedIsRefusedAfterwards() throws IOException {
    String token = tenant.platformToken("tenant:usage");
    given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(200);

    // verified tokens are remembered per key: a new key verifies the same token afresh
    withPlatformKey(
        TenantKeysTestResource.ec(),
        () -> given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(401));
  }

  @Test
  void duringARotationTokensByEitherKeyOfTheSetAreAccepted() throws IOException {
    KeyPair next = TenantKeysTestResource.rsa();
    String byCurrent = tenant.platformToken("tenant:usage");
    String byNext =
        TenantKeysTestResource.sign(TestTenant.platformClaims("tenant:usage"), next.getPrivate());
    String byStranger =
        TenantKeysTestResource.sign(
            TestTenant.platformClaims("tenant:usage"), TenantKeysTestResource.ec().getPrivate());
    Path file = TestTenant.entitlementsDir().resolve("platform-public-key.pem");
    String configured = Files.readString(file);
    Files.writeString(file, Pem.encode("PUBLIC KEY", next.getPublic().getEncoded()) + configured);
    try {
      given().auth().oauth2(byCurrent).get("/internal/v1/usage").then().statusCode(200);
      given().auth().oauth2(byNext).get("/internal/v1/usage").then().statusCode(200);
      given().auth().oauth2(byStranger).get("/internal/v1/usage").then().statusCode(401);
    } finally {
      Files.writeString(file, configured);
    }
  }

  @Test
  void aPs256TokenByTheConfiguredRsaPlatformKeyIsRefused() throws IOException {
    // same key, another algorithm it could verify: only RS256 is accepted for an RSA key
    KeyPair rsa = TenantKeysTestResource.rsa();
    String token =
        TestTenant.platformClaims("tenant:usage")
            .jws()
            .algorithm(SignatureAlgorithm.PS256)
            .sign(rsa.getPrivate());

    withPlatformKey(
        rsa, () -> given().auth().oauth2(token).get("/internal/v1/usage").then().statusCode(401));
  }

  /** Runs {@code check} while the mounted platform key is {@code platform}'s public half. */
  private static void withPlatformKey(KeyPair platform, Runnable check) throws IOException {
    Path file = TestTenant.entitlementsDir().resolve("platform-public-key.pem");
    String configured = Files.readString(file);
    Files.writeString(file, Pem.encode("PUBLIC KEY", platform.getPublic().getEncoded()));
    try {
      check.run();
    } finally {
      Files.writeString(file, configured);
    }
  }

  private static Map<String, Object> header(String token) {
    return new JsonPath(
            new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8))
        .getMap("");
  }
}
