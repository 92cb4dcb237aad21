package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A password the staff member did not choose (the first administrator's, from the operator's
 * Secret, or after an administrator's reset) opens nothing but the password change.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class OneTimePasswordTest {

  private static final String ONE_TIME = "one-time password from the Secret";
  private static final String CHOSEN = "a passphrase I chose myself";

  @Inject BootstrapAdmin bootstrap;
  @Inject StaffUsers staffUsers;
  @Inject TestTenant tenant;

  private static ValidatableResponse login(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .then();
  }

  private boolean flagged(String email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> staffUsers.byEmail(email).orElseThrow().passwordChangeRequired);
  }

  @Test
  void theFirstAdministratorsPasswordOpensOnlyThePasswordChangeUntilChanged() {
    String email = "bootstrap." + System.nanoTime() + "@acme.test";
    QuarkusTransaction.requiringNew().run(() -> bootstrap.createActive(email, ONE_TIME));

    String access =
        login(email, ONE_TIME)
            .statusCode(200)
            .body("passwordChangeRequired", equalTo(true))
            .extract()
            .path("accessToken");
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/subscribers")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", endsWith("/password-change-required"))
        .body(
            "detail",
            equalTo(
                "this account still has a one-time password: choose your own with"
                    + " POST /api/v1/staff/me/password first"));

    given()
        .auth()
        .oauth2(access)
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", ONE_TIME, "newPassword", CHOSEN))
        .post("/api/v1/staff/me/password")
        .then()
        .statusCode(204);

    given().auth().oauth2(access).get("/api/v1/subscribers").then().statusCode(200);
    login(email, CHOSEN).statusCode(200).body("passwordChangeRequired", equalTo(false));
    assertThat(flagged(email)).isFalse();
  }

  @Test
  void aStaffMemberWhoChoseTheirPasswordIsNotAskedToChangeIt() {
    String email = "chosen." + System.nanoTime() + "@acme.test";
    accept(invite(email));
    login(email, CHOSEN).statusCode(200).body("passwordChangeRequired", equalTo(false));
  }

  @Test
  void anAdministratorsResetFlagsThePasswordUntilTheyChooseANewOne() {
    String email = "reset." + System.nanoTime() + "@acme.test";
    accept(invite(email));
    String id =
        QuarkusTransaction.requiringNew()
            .call(() -> staffUsers.byEmail(email).orElseThrow().id.toString());

    String link =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.tenant_admin))
            .post("/api/v1/staff/" + id + "/reset-password")
            .then()
            .statusCode(200)
            .extract()
            .path("inviteToken");
    assertThat(flagged(email)).isTrue();

    accept(link);
    assertThat(flagged(email)).isFalse();
    login(email, CHOSEN).statusCode(200).body("passwordChangeRequired", equalTo(false));
  }

  private String invite(String email) {
    return given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "displayName", "Someone", "role", "support"))
        .post("/api/v1/staff")
        .then()
        .statusCode(201)
        .extract()
        .path("inviteToken");
  }

  private static void accept(String inviteToken) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", inviteToken, "password", CHOSEN))
        .post("/api/v1/auth/accept-invite")
        .then()
        .statusCode(200);
  }
}
