package io.tenantry.tenantapp.tickets;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class TicketApiTest {

  @Inject TestTenant tenant;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
  }

  private RequestSpecification support() {
    return given().auth().oauth2(tenant.tokenFor(Role.support)).contentType(ContentType.JSON);
  }

  private String create(String subject, String priority) {
    return support()
        .body(Map.of("subject", subject, "priority", priority))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void createdTicketIsOpen() {
    String id = create("No internet since morning", "high");
    support()
        .get("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("open"))
        .body("priority", equalTo("high"));
  }

  @Test
  void updateAssignsTheTicket() {
    String id = create("Slow speeds", "normal");
    Map<String, Object> body =
        new HashMap<>(Map.of("subject", "Slow speeds at night", "priority", "urgent"));
    body.put("assigneeId", tenant.userIdFor(Role.support).toString());
    support()
        .body(body)
        .put("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("assigneeId", equalTo(tenant.userIdFor(Role.support).toString()))
        .body("priority", equalTo("urgent"));
    support()
        .queryParam("assigneeId", tenant.userIdFor(Role.support).toString())
        .get("/api/v1/tickets")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void messagesAreKeptInOrderWithTheirAuthor() {
    String id = create("Router keeps rebooting", "normal");
    support()
        .body(Map.of("body", "Please power-cycle the router."))
        .post("/api/v1/tickets/" + id + "/messages")
        .then()
        .statusCode(200);
    support()
        .body(Map.of("body", "Customer confirms it still reboots."))
        .post("/api/v1/tickets/" + id + "/messages")
        .then()
        .statusCode(200);
    support()
        .get("/api/v1/tickets/" + id)
        .then()
        .body(
            "messages.body",
            equalTo(
                List.of("Please power-cycle the router.", "Customer confirms it still reboots.")))
        .body("messages[0].authorId", equalTo(tenant.userIdFor(Role.support).toString()));
  }

  @Test
  void ticketWalksItsLifecycleAndClosedIsFinal() {
    String id = create("Wi-Fi password reset", "low");
    for (String status : List.of("in_progress", "resolved", "closed")) {
      support()
          .body(Map.of("status", status))
          .post("/api/v1/tickets/" + id + "/status")
          .then()
          .statusCode(200)
          .body("status", equalTo(status));
    }
    support()
        .body(Map.of("status", "open"))
        .post("/api/v1/tickets/" + id + "/status")
        .then()
        .statusCode(409)
        .body("allowed", hasSize(0));
    support()
        .body(Map.of("body", "hello?"))
        .post("/api/v1/tickets/" + id + "/messages")
        .then()
        .statusCode(409);
  }

  @Test
  void openTicketCannotJumpToResolved() {
    String id = create("Billing question", "normal");
    support()
        .body(Map.of("status", "resolved"))
        .post("/api/v1/tickets/" + id + "/status")
        .then()
        .statusCode(409)
        .body("allowed", equalTo(List.of("in_progress", "closed")));
  }

  @Test
  void listFiltersByPriorityAndSortsBySubject() {
    create("Bravo", "urgent");
    create("Alpha", "urgent");
    create("Charlie", "low");
    support()
        .queryParam("priority", "urgent")
        .queryParam("sort", "subject")
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.subject", equalTo(List.of("Alpha", "Bravo")));
    support()
        .queryParam("priority", "critical")
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("priority"));
  }

  @Test
  void pagesCoverEveryTicketOnce() {
    create("T1", "low");
    create("T2", "low");
    create("T3", "low");
    String cursor =
        support()
            .queryParam("sort", "subject")
            .queryParam("limit", 2)
            .get("/api/v1/tickets")
            .then()
            .body("items.subject", equalTo(List.of("T1", "T2")))
            .extract()
            .path("nextCursor");
    support()
        .queryParam("sort", "subject")
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .get("/api/v1/tickets")
        .then()
        .body("items.subject", equalTo(List.of("T3")));
  }

  @Test
  void blankSubjectIsNamed() {
    support()
        .body(Map.of("subject", " ", "priority", "low"))
        .post("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("subject"));
  }
}
