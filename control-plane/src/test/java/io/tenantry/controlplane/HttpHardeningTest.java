package io.tenantry.controlplane;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class HttpHardeningTest {

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    given()
        .get("/api/v1/platform/tenants")
        .then()
        .statusCode(401)
        .header("Strict-Transport-Security", containsString("max-age="))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "frame-ancestors 'none'");
  }

  @Test
  void authResponsesAreNeverCached() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"x@test.io\",\"password\":\"y\"}")
        .post("/api/v1/auth/login")
        .then()
        .header("Cache-Control", "no-store");
  }

  @Test
  void errorsAreProblemJsonWithoutInternals() {
    given()
        .get("/api/v1/platform/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void aConfiguredOriginMayCallTheApiFromABrowser() {
    given()
        .header("Origin", "https://console.test")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/auth/login")
        .then()
        .header("Access-Control-Allow-Origin", "https://console.test");
  }

  @Test
  void anyOtherOriginIsNotAllowed() {
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/auth/login")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
