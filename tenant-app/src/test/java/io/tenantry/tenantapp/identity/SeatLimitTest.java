package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Enabled staff users never exceed the licensed seats, even when requests race for them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SeatLimitTest {

  private static final String DOMAIN = "@seats.test";

  @Inject TestTenant tenant;
  @Inject StaffUsers staffUsers;
  @Inject Db db;

  @TestHTTPResource("/api/v1/staff")
  URI staffUri;

  @AfterEach
  void restore() {
    tenant.execute("DELETE FROM staff_users WHERE email LIKE '%" + DOMAIN + "'");
    tenant.restoreEntitlements();
  }

  private long seated() {
    return QuarkusTransaction.requiringNew().call(staffUsers::countSeated);
  }

  private long created(String prefix) {
    return db.count("SELECT count(*) FROM staff_users WHERE email LIKE ?", prefix + "%" + DOMAIN);
  }

  /** Leaves exactly {@code free} seats open. */
  private void seatsFree(int free) {
    tenant.entitle(TestEntitlements.plan("starter", Math.toIntExact(seated() + free)));
  }

  private int invite(String email) {
    return given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "displayName", "Seat Holder", "role", "support"))
        .post("/api/v1/staff")
        .then()
        .extract()
        .statusCode();
  }

  @Test
  void invitingBeyondTheSeatsAnswers409NamingTheLimit() {
    String admin = tenant.tokenFor(Role.tenant_admin);
    seatsFree(1);
    int limit = Math.toIntExact(seated() + 1);
    assertThat(invite("last" + DOMAIN)).isEqualTo(201);

    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("email", "one-too-many" + DOMAIN, "displayName", "Extra", "role", "support"))
        .post("/api/v1/staff")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/seat-limit"))
        .body("limit", equalTo(limit))
        .body("seatsUsed", equalTo(limit))
        .body("detail", org.hamcrest.Matchers.containsString(String.valueOf(limit)));
    assertThat(created("one-too-many")).isZero();
  }

  @Test
  void disablingAUserFreesItsSeat() {
    String admin = tenant.tokenFor(Role.tenant_admin);
    seatsFree(1);
    String id =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(Map.of("email", "leaving" + DOMAIN, "displayName", "Leaving", "role", "support"))
            .post("/api/v1/staff")
            .then()
            .statusCode(201)
            .extract()
            .path("user.id");
    assertThat(invite("joining" + DOMAIN)).isEqualTo(409);

    given().auth().oauth2(admin).post("/api/v1/staff/" + id + "/disable").then().statusCode(200);

    assertThat(invite("joining" + DOMAIN)).isEqualTo(201);
  }

  @Test
  void reEnablingADisabledUserBeyondTheSeatsAnswers409() {
    String admin = tenant.tokenFor(Role.tenant_admin);
    UUID disabled = disabledUserWithPassword("returning" + DOMAIN);
    seatsFree(0);

    given()
        .auth()
        .oauth2(admin)
        .post("/api/v1/staff/" + disabled + "/enable")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://tenantry.io/problems/seat-limit"));

    seatsFree(1);
    given()
        .auth()
        .oauth2(admin)
        .post("/api/v1/staff/" + disabled + "/enable")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
  }

  private UUID disabledUserWithPassword(String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              StaffUser user = new StaffUser();
              user.id = UUID.randomUUID();
              user.email = email;
              user.displayName = "Returning";
              user.role = Role.support;
              user.status = StaffStatus.disabled;
              user.passwordHash = Secrets.hashPassword("correct horse battery staple");
              user.createdAt = java.time.Instant.now();
              staffUsers.insert(user);
              return user.id;
            });
  }

  @Test
  void usageCountsSeatsOfEnabledStaffIncludingInvitationsButNotDisabledOnes() {
    tenant.tokenFor(Role.tenant_admin);
    long seatedBefore = seated();
    long allBefore = QuarkusTransaction.requiringNew().call(staffUsers::count);
    assertThat(invite("counted" + DOMAIN)).isEqualTo(201);
    disabledUserWithPassword("gone" + DOMAIN);

    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:usage"))
        .get("/internal/v1/usage")
        .then()
        .statusCode(200)
        .body("seatsUsed", equalTo(Math.toIntExact(seatedBefore + 1)))
        .body("staffUsers", equalTo(Math.toIntExact(allBefore + 2)));
  }

  @Test
  void fiftyConcurrentInvitationsForTenFreeSeatsCreateExactlyTen() throws Exception {
    String admin = tenant.tokenFor(Role.tenant_admin);
    seatsFree(10);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
      for (int i = 0; i < 50; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(staffUri)
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"race-%d%s\",\"displayName\":\"Racer\",\"role\":\"support\"}"
                            .formatted(i, DOMAIN)))
                .build();
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
      }
      start.countDown();
    }

    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      codes.add(status.get());
    }
    assertThat(codes).filteredOn(code -> code == 201).hasSize(10);
    assertThat(codes).filteredOn(code -> code == 409).hasSize(40);
    assertThat(created("race-")).isEqualTo(10);
  }
}
