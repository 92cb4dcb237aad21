package io.tenantry.tenantapp.entitlements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestClock;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A license past expiry plus grace, or suspended or revoked, leaves the tenant read-only. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class ReadOnlyLicenseTest {

  private static final Instant EXPIRES = Instant.parse("2030-01-31T00:00:00Z");
  private static final Duration GRACE = Duration.ofDays(14);

  @Inject TestTenant tenant;
  @Inject TestClock clock;

  @BeforeEach
  void expiringLicense() {
    tenant.cleanDomain();
    tenant.entitle(TestEntitlements.plan("starter", 1000).expiresAt(EXPIRES, 14));
  }

  @AfterEach
  void restore() {
    clock.reset();
    tenant.restoreEntitlements();
  }

  private static int createSubscriber(String token, String account) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(TestTenant.subscriber(account, "Ama Mensah"))
        .post("/api/v1/subscribers")
        .then()
        .extract()
        .statusCode();
  }

  @Test
  void expiredLicenseStaysWritableInsideTheGracePeriod() {
    clock.pin(EXPIRES, GRACE.minusSeconds(1));

    org.assertj.core.api.Assertions.assertThat(
            createSubscriber(tenant.tokenFor(Role.operator), "ACC-G1"))
        .isEqualTo(201);
  }

  @Test
  void afterExpiryPlusGraceWritesAnswer403NamingTheLicenseState() {
    clock.pin(EXPIRES, GRACE);

    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.operator))
        .contentType(ContentType.JSON)
        .body(TestTenant.subscriber("ACC-G2", "Ama Mensah"))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/read-only"))
        .body("licenseStatus", equalTo("expired"))
        .body("detail", containsString("expired"));
  }

  @Test
  void afterExpiryPlusGraceEveryWriteMethodIsRefused() {
    clock.pin(EXPIRES, GRACE.plusDays(1));
    String admin = tenant.tokenFor(Role.tenant_admin);
    String someone = tenant.userIdFor(Role.read_only).toString();

    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("role", "support"))
        .put("/api/v1/staff/" + someone + "/role")
        .then()
        .statusCode(403)
        .body("licenseStatus", equalTo("expired"));
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("email", "late@readonly.test", "displayName", "Late", "role", "support"))
        .post("/api/v1/staff")
        .then()
        .statusCode(403)
        .body("licenseStatus", equalTo("expired"));
  }

  @Test
  void afterExpiryPlusGraceReadsStillWork() {
    clock.pin(EXPIRES, GRACE.plusDays(30));
    String token = tenant.tokenFor(Role.operator);

    given().auth().oauth2(token).get("/api/v1/subscribers").then().statusCode(200);
    given().auth().oauth2(token).get("/api/v1/invoices").then().statusCode(200);
    given()
        .auth()
        .oauth2(token)
        .queryParam("q", "Mensah")
        .get("/api/v1/search")
        .then()
        .statusCode(200);
  }

  @Test
  void afterExpiryPlusGraceStaffCanStillAcceptAnInvitationAndSignIn() {
    String inviteToken =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.tenant_admin))
            .contentType(ContentType.JSON)
            .body(
                Map.of("email", "signin@readonly.test", "displayName", "Reader", "role", "support"))
            .post("/api/v1/staff")
            .then()
            .statusCode(201)
            .extract()
            .path("inviteToken");
    clock.pin(EXPIRES, GRACE.plusDays(1));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", inviteToken, "password", "correct horse battery staple"))
        .post("/api/v1/auth/accept-invite")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "signin@readonly.test", "password", "correct horse battery staple"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"expired", "suspended", "revoked"})
  void blockingLicenseStatusMakesTheTenantReadOnlyBeforeAnyDate(String status) {
    tenant.entitle(TestEntitlements.plan("starter", 1000).licenseStatus(status));

    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.operator))
        .contentType(ContentType.JSON)
        .body(TestTenant.subscriber("ACC-S1", "Ama Mensah"))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(403)
        .body("licenseStatus", equalTo(status))
        .body("detail", containsString(status));
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.operator))
        .get("/api/v1/subscribers")
        .then()
        .statusCode(200);
  }

  @Test
  void graceStatusStaysWritable() {
    tenant.entitle(TestEntitlements.plan("starter", 1000).licenseStatus("grace"));

    org.assertj.core.api.Assertions.assertThat(
            createSubscriber(tenant.tokenFor(Role.operator), "ACC-S2"))
        .isEqualTo(201);
  }
}
