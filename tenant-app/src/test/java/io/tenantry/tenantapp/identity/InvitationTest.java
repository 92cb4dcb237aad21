package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An expired invitation frees its seat; an address can be invited again; invitations resent. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class InvitationTest {

  private static final String DOMAIN = "@invitations.test";
  private static final String PASSWORD = "correct horse battery staple";

  @Inject TestTenant tenant;
  @Inject StaffUsers staffUsers;

  @AfterEach
  void restore() {
    tenant.execute("DELETE FROM staff_users WHERE email LIKE '%" + DOMAIN + "'");
    tenant.restoreEntitlements();
  }

  private void seatsFree(int free) {
    long seated = QuarkusTransaction.requiringNew().call(staffUsers::countSeated);
    tenant.entitle(TestEntitlements.plan("starter", Math.toIntExact(seated + free)));
  }

  private ValidatableResponse invite(String email) {
    return given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "displayName", "Invited", "role", "support"))
        .post("/api/v1/staff")
        .then();
  }

  private void expire(String email) {
    tenant.execute(
        "UPDATE staff_users SET invite_expires_at = now() - interval '1 hour' WHERE email = '"
            + email
            + "'");
  }

  private static ValidatableResponse accept(String token) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", token, "password", PASSWORD))
        .post("/api/v1/auth/accept-invite")
        .then();
  }

  @Test
  void anExpiredInvitationGivesItsSeatBack() {
    seatsFree(1);
    invite("first" + DOMAIN).statusCode(201);
    invite("second" + DOMAIN).statusCode(409);

    expire("first" + DOMAIN);

    invite("second" + DOMAIN).statusCode(201);
  }

  @Test
  void anAddressWhoseInvitationExpiredCanBeInvitedAgain() {
    JsonPath first = invite("again" + DOMAIN).statusCode(201).extract().jsonPath();
    expire("again" + DOMAIN);

    JsonPath second = invite("again" + DOMAIN).statusCode(201).extract().jsonPath();

    assertThat(second.getString("user.id")).isEqualTo(first.getString("user.id"));
    accept(first.getString("inviteToken")).statusCode(400);
    accept(second.getString("inviteToken")).statusCode(200).body("status", equalTo("active"));
  }

  @Test
  void aResentInvitationReplacesTheOldToken() {
    JsonPath invited = invite("resend" + DOMAIN).statusCode(201).extract().jsonPath();

    String resent =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.tenant_admin))
            .post("/api/v1/staff/" + invited.getString("user.id") + "/resend-invitation")
            .then()
            .statusCode(200)
            .extract()
            .path("inviteToken");

    accept(invited.getString("inviteToken")).statusCode(400);
    accept(resent).statusCode(200);
  }

  @Test
  void onlyAPendingInvitationCanBeResentAndAnAcceptedOneIsNotReinvited() {
    JsonPath invited = invite("member" + DOMAIN).statusCode(201).extract().jsonPath();
    accept(invited.getString("inviteToken")).statusCode(200);

    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .post("/api/v1/staff/" + invited.getString("user.id") + "/resend-invitation")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://tenantry.io/problems/not-invited"));
    invite("member" + DOMAIN)
        .statusCode(409)
        .body("type", equalTo("https://tenantry.io/problems/duplicate"));
  }
}
