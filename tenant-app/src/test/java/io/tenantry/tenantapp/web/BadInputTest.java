package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Input the database would refuse gets a 400 naming the field and the rule, never a 500. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class BadInputTest {

  @Inject TestTenant tenant;

  private RequestSpecification operator() {
    return given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .urlEncodingEnabled(false);
  }

  @Test
  void aNulCharacterInABodyFieldIsRefused() {
    Map<String, Object> body = new HashMap<>(TestTenant.subscriber("NUL-1", "Ann"));
    body.put("name", "Ann\u0000Lee");

    operator()
        .body(body)
        .post("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].rule", equalTo("must not contain a NUL character"));
  }

  @Test
  void aNulCharacterInAQueryParameterIsRefused() {
    operator()
        .get("/api/v1/subscribers?status=%00")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"));
    operator()
        .get("/api/v1/search?q=ab%00")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("q"))
        .body("errors[0].rule", equalTo("must not contain a NUL character"));
  }

  @Test
  void aKeyTwiceInABodyIsRefused() {
    operator()
        .body(
            "{\"accountNumber\":\"DUP-1\",\"name\":\"Ann\",\"name\":\"Bob\","
                + "\"email\":\"dup@example.net\"}")
        .post("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].rule", equalTo("must appear only once"));
  }

  @Test
  void aDateOutOfRangeIsRefusedNamingTheField() {
    Map<String, Object> invoice =
        Map.of(
            "number",
            "INV-DATE-1",
            "subscriberId",
            UUID.randomUUID().toString(),
            "currency",
            "EUR",
            "dueDate",
            "+999999999-01-01",
            "lines",
            List.of(Map.of("description", "x", "quantity", 1, "unitPrice", 1)));

    operator()
        .body(invoice)
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("dueDate"))
        .body("errors[0].rule", equalTo("must be within the years 1 to 9999"));
  }
}
