package io.tenantry.tenantapp.radius;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.LockWaits;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class RadiusApiTest {

  @Inject TestTenant tenant;
  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
  }

  private RequestSpecification operator() {
    return given().auth().oauth2(tenant.tokenFor(Role.operator)).contentType(ContentType.JSON);
  }

  private String start(String username) {
    return operator()
        .body(Map.of("username", username, "nasIp", "10.0.0.1"))
        .post("/api/v1/radius/sessions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void startedSessionIsActive() {
    String id = start("grace.mensah");
    operator()
        .get("/api/v1/radius/sessions/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(true))
        .body("nasIp", equalTo("10.0.0.1"));
  }

  @Test
  void disconnectEndsTheSessionAndRemovesItFromTheActiveList() {
    String ended = start("peter.kamau");
    String running = start("amina.okafor");
    operator()
        .post("/api/v1/radius/sessions/" + ended + "/disconnect")
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("endedAt", notNullValue())
        .body("terminateCause", equalTo("Admin-Reset"));
    operator()
        .get("/api/v1/radius/sessions/active")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(running));
    operator()
        .queryParam("active", false)
        .get("/api/v1/radius/sessions")
        .then()
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(ended));
  }

  @Test
  void endedSessionCannotBeDisconnectedAgain() {
    String id = start("joy.adeyemi");
    operator().post("/api/v1/radius/sessions/" + id + "/disconnect").then().statusCode(200);
    operator()
        .post("/api/v1/radius/sessions/" + id + "/disconnect")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void aDisconnectWaitsForAConcurrentChangeToTheSessionAndSeesItsResult() throws Exception {
    String id = start("kofi.boateng");
    String token = tenant.tokenFor(Role.operator);
    try (Connection accounting = dataSource.getConnection()) {
      accounting.setAutoCommit(false);
      execute(accounting, "SELECT 1 FROM radius_sessions WHERE id = ?::uuid FOR UPDATE", id);
      CompletableFuture<Integer> disconnect =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .auth()
                      .oauth2(token)
                      .post("/api/v1/radius/sessions/" + id + "/disconnect")
                      .statusCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> LockWaits.waiting(dataSource, "") > 0);
      // the NAS reports the session's end while the disconnect waits for the row
      execute(
          accounting,
          "UPDATE radius_sessions SET ended_at = now(), terminate_cause = 'Lost-Carrier'"
              + " WHERE id = ?::uuid",
          id);
      accounting.commit();

      assertThat(disconnect.get(10, TimeUnit.SECONDS)).isEqualTo(409);
    }
    operator()
        .get("/api/v1/radius/sessions/" + id)
        .then()
        .body("terminateCause", equalTo("Lost-Carrier"));
  }

  private static void execute(Connection c, String sql, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      s.execute();
    }
  }

  @Test
  void usageCountersOnlyGrow() {
    String id = start("david.smith");
    operator()
        .body(Map.of("bytesIn", 1000, "bytesOut", 500))
        .put("/api/v1/radius/sessions/" + id + "/usage")
        .then()
        .statusCode(200)
        .body("bytesIn", equalTo(1000));
    operator()
        .body(Map.of("bytesIn", 10, "bytesOut", 500))
        .put("/api/v1/radius/sessions/" + id + "/usage")
        .then()
        .statusCode(409);
    operator()
        .body(Map.of("bytesIn", -1, "bytesOut", 0))
        .put("/api/v1/radius/sessions/" + id + "/usage")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bytesIn"));
  }

  @Test
  void nasIpMustBeAnAddressNotAHostName() {
    operator()
        .body(Map.of("username", "mary.lewis", "nasIp", "nas.example.com"))
        .post("/api/v1/radius/sessions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("nasIp"));
  }

  @Test
  void listFiltersByUsernameAndPages() {
    for (int i = 0; i < 5; i++) {
      start("sam.wilson");
    }
    start("other.user");
    List<String> ids = new ArrayList<>();
    String cursor =
        operator()
            .queryParam("username", "sam.wilson")
            .queryParam("limit", 3)
            .get("/api/v1/radius/sessions")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    ids.addAll(
        operator()
            .queryParam("username", "sam.wilson")
            .queryParam("limit", 3)
            .get("/api/v1/radius/sessions")
            .then()
            .extract()
            .path("items.id"));
    ids.addAll(
        operator()
            .queryParam("username", "sam.wilson")
            .queryParam("limit", 3)
            .queryParam("cursor", cursor)
            .get("/api/v1/radius/sessions")
            .then()
            .body("nextCursor", org.hamcrest.Matchers.nullValue())
            .extract()
            .path("items.id"));
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
  }
}
