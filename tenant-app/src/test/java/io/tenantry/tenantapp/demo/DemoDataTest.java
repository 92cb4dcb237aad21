package io.tenantry.tenantapp.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class DemoDataTest {

  @Inject TestTenant tenant;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
  }

  @Test
  void administratorFillsTheTenantWithSearchableData() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .queryParam("subscribers", 2000)
        .post("/api/v1/demo-data")
        .then()
        .statusCode(200)
        .body("subscribers", equalTo(2000))
        .body("devices", equalTo(2000))
        .body("invoices", equalTo(2000))
        .body("tickets", equalTo(100))
        .body("sessions", greaterThan(0));
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:usage"))
        .get("/internal/v1/usage")
        .then()
        .body("subscribers", equalTo(2000));
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.read_only))
        .queryParam("q", "Grace Mensah")
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("hits[0].title", equalTo("Grace Mensah"));
  }

  @Test
  void twoRunsNeverCollide() {
    for (int run = 0; run < 2; run++) {
      given()
          .auth()
          .oauth2(tenant.tokenFor(Role.tenant_admin))
          .queryParam("subscribers", 50)
          .post("/api/v1/demo-data")
          .then()
          .statusCode(200);
    }
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:usage"))
        .get("/internal/v1/usage")
        .then()
        .body("subscribers", equalTo(100));
  }

  @Test
  void sizeOutsideTheLimitIsRefusedNamingIt() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .queryParam("subscribers", 5_000_000)
        .post("/api/v1/demo-data")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("subscribers"));
  }
}
