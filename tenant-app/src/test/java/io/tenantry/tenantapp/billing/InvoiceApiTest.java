package io.tenantry.tenantapp.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class InvoiceApiTest {

  @Inject TestTenant tenant;
  private String subscriber;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
    subscriber =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.operator))
            .contentType(ContentType.JSON)
            .body(TestTenant.subscriber("ACC-B1", "Kwame Owusu"))
            .post("/api/v1/subscribers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
  }

  private RequestSpecification billing() {
    return given().auth().oauth2(tenant.tokenFor(Role.billing)).contentType(ContentType.JSON);
  }

  private Map<String, Object> invoice(String number, String dueDate) {
    return Map.of(
        "number",
        number,
        "subscriberId",
        subscriber,
        "currency",
        "USD",
        "dueDate",
        dueDate,
        "lines",
        List.of(
            Map.of("description", "Fiber 300", "quantity", 1, "unitPrice", "49.99"),
            Map.of("description", "Static IP", "quantity", "0.5", "unitPrice", "10.05")));
  }

  private String create(String number, String dueDate) {
    return billing()
        .body(invoice(number, dueDate))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void totalIsTheExactDecimalSumOfTheLines() {
    String id = create("INV-1", "2026-12-01");
    billing()
        .get("/api/v1/invoices/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("draft"))
        // 49.99 + 0.5 × 10.05 = 55.015, rounded half-even per line: 49.99 + 5.02 = 55.01
        .body("total", equalTo(55.01f))
        .body("lines", hasSize(2))
        .body("lines[1].amount", equalTo(5.02f));
  }

  @Test
  void listedInvoicesCarryTheirOwnLinesInOrder() {
    create("INV-L1", "2026-12-01");
    Map<String, Object> single = new java.util.HashMap<>(invoice("INV-L2", "2026-12-02"));
    single.put(
        "lines", List.of(Map.of("description", "Install fee", "quantity", 1, "unitPrice", "20")));
    billing().body(single).post("/api/v1/invoices").then().statusCode(201);

    billing()
        .queryParam("sort", "number")
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("items.number", equalTo(List.of("INV-L1", "INV-L2")))
        .body("items[0].lines.description", equalTo(List.of("Fiber 300", "Static IP")))
        .body("items[1].lines.description", equalTo(List.of("Install fee")));
  }

  @Test
  void invoiceForAnUnknownSubscriberIsRefusedNamingTheField() {
    Map<String, Object> body = new java.util.HashMap<>(invoice("INV-2", "2026-12-01"));
    body.put("subscriberId", "5b0c3c1e-0000-4000-8000-000000000000");
    billing()
        .body(body)
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("subscriberId"));
  }

  @Test
  void negativePriceIsRefusedNamingTheLine() {
    Map<String, Object> body = new java.util.HashMap<>(invoice("INV-3", "2026-12-01"));
    body.put("lines", List.of(Map.of("description", "Refund", "quantity", 1, "unitPrice", "-5")));
    billing()
        .body(body)
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lines[0].unitPrice"));
  }

  @Test
  void onlyDraftsCanBeEdited() {
    String id = create("INV-4", "2026-12-01");
    billing()
        .body(invoice("INV-4", "2026-12-15"))
        .put("/api/v1/invoices/" + id)
        .then()
        .statusCode(200)
        .body("dueDate", equalTo("2026-12-15"));
    billing()
        .body(Map.of("status", "issued"))
        .post("/api/v1/invoices/" + id + "/status")
        .then()
        .statusCode(200);
    billing()
        .body(invoice("INV-4", "2026-12-31"))
        .put("/api/v1/invoices/" + id)
        .then()
        .statusCode(409);
  }

  @Test
  void paidInvoiceCannotBeVoided() {
    String id = create("INV-5", "2026-12-01");
    for (String status : List.of("issued", "paid")) {
      billing()
          .body(Map.of("status", status))
          .post("/api/v1/invoices/" + id + "/status")
          .then()
          .statusCode(200)
          .body("status", equalTo(status));
    }
    billing()
        .body(Map.of("status", "void"))
        .post("/api/v1/invoices/" + id + "/status")
        .then()
        .statusCode(409)
        .body("allowed", hasSize(0));
  }

  @Test
  void draftCanBeVoided() {
    String id = create("INV-6", "2026-12-01");
    billing()
        .body(Map.of("status", "void"))
        .post("/api/v1/invoices/" + id + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("void"));
    billing().queryParam("status", "void").get("/api/v1/invoices").then().body("items", hasSize(1));
  }

  @Test
  void listFiltersByDueDateAndSortsByIt() {
    create("INV-7", "2026-01-10");
    create("INV-8", "2026-03-10");
    create("INV-9", "2026-02-10");
    billing()
        .queryParam("dueBefore", "2026-03-01")
        .queryParam("sort", "dueDate")
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("items.number", equalTo(List.of("INV-7", "INV-9")));
    billing()
        .queryParam("dueBefore", "March")
        .get("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("dueBefore"));
  }

  @Test
  void pagesByDueDateDescending() {
    create("INV-10", "2026-01-10");
    create("INV-11", "2026-03-10");
    create("INV-12", "2026-02-10");
    String cursor =
        billing()
            .queryParam("sort", "-dueDate")
            .queryParam("limit", 2)
            .get("/api/v1/invoices")
            .then()
            .body("items.number", equalTo(List.of("INV-11", "INV-12")))
            .extract()
            .path("nextCursor");
    billing()
        .queryParam("sort", "-dueDate")
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .get("/api/v1/invoices")
        .then()
        .body("items.number", equalTo(List.of("INV-10")));
  }
}
