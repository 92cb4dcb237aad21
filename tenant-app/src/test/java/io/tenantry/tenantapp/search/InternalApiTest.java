package io.tenantry.tenantapp.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
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
            TestTenant.platformClaims("tenant:usage")
                .audience("tenant:globex")
                .sign(tenant.platformPrivateKey()))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void platformAdminTokenIsRefused() {
    given()
        .auth()
        .oauth2(
            TestTenant.platformClaims("tenant:usage")
                .audience("tenantry-control-plane")
                .sign(tenant.platformPrivateKey()))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void tokenNotSignedByThePlatformIsRefused() {
    given()
        .auth()
        .oauth2(
            TestTenant.platformClaims("tenant:usage")
                .sign(TenantKeysTestResource.rsa().getPrivate()))
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
            TestTenant.platformClaims("tenant:usage")
                .issuedAt(now)
                .expiresAt(now + 3600)
                .sign(tenant.platformPrivateKey()))
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
            TestTenant.platformClaims("tenant:usage")
                .issuedAt(now - 200)
                .expiresAt(now - 140)
                .sign(tenant.platformPrivateKey()))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }

  @Test
  void platformTokenFromAnotherIssuerIsRefused() {
    given()
        .auth()
        .oauth2(
            TestTenant.platformClaims("tenant:usage")
                .issuer("https://evil.example")
                .sign(tenant.platformPrivateKey()))
        .get("/internal/v1/usage")
        .then()
        .statusCode(401);
  }
}
