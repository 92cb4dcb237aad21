package io.tenantry.tenantapp.subscribers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SubscriberApiTest {

  @Inject TestTenant tenant;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
  }

  private RequestSpecification operator() {
    return given().auth().oauth2(tenant.tokenFor(Role.operator)).contentType(ContentType.JSON);
  }

  private String create(String account, String name) {
    return operator()
        .body(TestTenant.subscriber(account, name))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void createdSubscriberIsPendingAndReadable() {
    String id = create("ACC-1", "Grace Mensah");
    operator()
        .get("/api/v1/subscribers/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Grace Mensah"))
        .body("status", equalTo("pending"))
        .body("radiusUsername", equalTo("acc-1"));
  }

  @Test
  void updateReplacesEditableFieldsButNotStatus() {
    String id = create("ACC-2", "Peter Kamau");
    Map<String, Object> changed =
        new java.util.HashMap<>(TestTenant.subscriber("ACC-2", "Peter N. Kamau"));
    changed.put("servicePlan", "Fiber 1000");
    operator()
        .body(changed)
        .put("/api/v1/subscribers/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Peter N. Kamau"))
        .body("servicePlan", equalTo("Fiber 1000"))
        .body("status", equalTo("pending"));
  }

  @Test
  void invalidFieldsAreNamedInAProblemDocument() {
    Map<String, Object> bad = new java.util.HashMap<>(TestTenant.subscriber("ACC-3", "Joy"));
    bad.put("email", "not-an-email");
    operator()
        .body(bad)
        .post("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("email"))
        .body("detail", containsString("email"));
    operator().get("/api/v1/subscribers").then().body("items", hasSize(0));
  }

  @Test
  void malformedJsonIsAProblemNotAStackTrace() {
    operator()
        .body("{\"name\": ")
        .post("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"));
    operator()
        .body("[1, 2]")
        .post("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void duplicateAccountNumberIsAConflictNamingTheField() {
    create("ACC-4", "Amina Okafor");
    Map<String, Object> again =
        new java.util.HashMap<>(TestTenant.subscriber("ACC-4", "Someone Else"));
    again.put("radiusUsername", "someone.else");
    operator()
        .body(again)
        .post("/api/v1/subscribers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("field", equalTo("accountNumber"));
  }

  @Test
  void unknownSubscriberIsNotFound() {
    operator()
        .get("/api/v1/subscribers/5b0c3c1e-0000-4000-8000-000000000000")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void allowedTransitionChangesStatus() {
    String id = create("ACC-5", "Samuel Otieno");
    operator()
        .body(Map.of("status", "active"))
        .post("/api/v1/subscribers/" + id + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    operator()
        .body(Map.of("status", "suspended"))
        .post("/api/v1/subscribers/" + id + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("suspended"));
  }

  @Test
  void forbiddenTransitionIsAConflictNamingTheAllowedOnes() {
    String id = create("ACC-6", "Ruth Brown");
    operator()
        .body(Map.of("status", "suspended"))
        .post("/api/v1/subscribers/" + id + "/status")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("from", equalTo("pending"))
        .body("allowed", equalTo(List.of("active", "terminated")));
    operator().get("/api/v1/subscribers/" + id).then().body("status", equalTo("pending"));
  }

  @Test
  void unknownStatusIsABadRequestListingTheValues() {
    String id = create("ACC-7", "Ruth Brown");
    operator()
        .body(Map.of("status", "frozen"))
        .post("/api/v1/subscribers/" + id + "/status")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"))
        .body("errors[0].rule", containsString("pending"));
  }

  @Test
  void listFiltersByStatusAndPlan() {
    String active = create("ACC-8", "Active One");
    create("ACC-9", "Pending One");
    operator().body(Map.of("status", "active")).post("/api/v1/subscribers/" + active + "/status");
    operator()
        .queryParam("status", "active")
        .get("/api/v1/subscribers")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(active));
    operator()
        .queryParam("servicePlan", "Home 50")
        .get("/api/v1/subscribers")
        .then()
        .body("items", hasSize(0));
    operator()
        .queryParam("status", "bogus")
        .get("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }

  @Test
  void listSortsByNameDescending() {
    create("ACC-10", "Bravo");
    create("ACC-11", "Alpha");
    create("ACC-12", "Charlie");
    operator()
        .queryParam("sort", "-name")
        .get("/api/v1/subscribers")
        .then()
        .body("items.name", equalTo(List.of("Charlie", "Bravo", "Alpha")));
    operator()
        .queryParam("sort", "password")
        .get("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));
  }

  @Test
  void keysetPagesStayStableWhenRowsAreInsertedBetweenPages() {
    for (String name : List.of("Bea", "Cid", "Dan", "Eve", "Fay")) {
      create("ACC-" + name.toUpperCase(), name);
    }
    List<String> seen = new ArrayList<>();
    ValidatableResponse first =
        operator()
            .queryParam("sort", "name")
            .queryParam("limit", 2)
            .get("/api/v1/subscribers")
            .then()
            .statusCode(200);
    seen.addAll(first.extract().path("items.name"));
    String cursor = first.extract().path("nextCursor");
    // rows sorting before and after the cursor arrive while the client pages
    create("ACC-ABE", "Abe");
    create("ACC-ZED", "Zed");
    while (cursor != null) {
      ValidatableResponse page =
          operator()
              .queryParam("sort", "name")
              .queryParam("limit", 2)
              .queryParam("cursor", cursor)
              .get("/api/v1/subscribers")
              .then()
              .statusCode(200);
      seen.addAll(page.extract().path("items.name"));
      cursor = page.extract().path("nextCursor");
    }
    assertThat(seen).containsExactly("Bea", "Cid", "Dan", "Eve", "Fay", "Zed");
  }

  @Test
  void prevCursorPagesBackToTheFirstPageInTheSameOrder() {
    for (String name : List.of("Bea", "Cid", "Dan", "Eve", "Fay")) {
      create("ACC-" + name.toUpperCase(), name);
    }
    ValidatableResponse first = page("-name", null).body("prevCursor", nullValue());
    ValidatableResponse second = page("-name", first.extract().path("nextCursor"));
    ValidatableResponse third = page("-name", second.extract().path("nextCursor"));
    third.body("items.name", equalTo(List.of("Bea"))).body("nextCursor", nullValue());

    ValidatableResponse backToSecond = page("-name", third.extract().path("prevCursor"));
    backToSecond.body("items.name", equalTo(List.of("Dan", "Cid")));
    page("-name", backToSecond.extract().path("prevCursor"))
        .body("items.name", equalTo(List.of("Fay", "Eve")))
        .body("prevCursor", nullValue())
        .body("nextCursor", equalTo(first.extract().path("nextCursor")));
  }

  private ValidatableResponse page(String sort, String cursor) {
    RequestSpecification request = operator().queryParam("sort", sort).queryParam("limit", 2);
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request.get("/api/v1/subscribers").then().statusCode(200);
  }

  @Test
  void lastPageHasNoCursorAndForeignCursorsAreRefused() {
    create("ACC-13", "Only");
    operator().get("/api/v1/subscribers").then().body("nextCursor", nullValue());
    operator()
        .queryParam("cursor", "not-a-cursor")
        .get("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    operator()
        .queryParam("limit", 0)
        .get("/api/v1/subscribers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }
}
