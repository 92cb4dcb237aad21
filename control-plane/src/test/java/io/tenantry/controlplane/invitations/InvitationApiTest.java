package io.tenantry.controlplane.invitations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invitations over the API: an owner invites, the invitee accepts with the one-time link's token; a
 * used, expired or revoked link is refused naming why, and the token shows only in the invite's
 * answer.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class InvitationApiTest {

  private static final String INVITATIONS = "/api/v1/platform/users/invitations";
  private static final String ACCEPT = "/api/v1/auth/invitations/accept";
  private static final String PASSWORD = "an invitee's own passphrase";

  @Inject TestPlatform platform;

  private PlatformUser owner;
  private String ownerToken;

  @BeforeEach
  void reset() {
    platform.reset();
    owner = platform.user(Role.OWNER);
    ownerToken = platform.token(owner);
  }

  private ValidatableResponse invite(String token, String email, String role) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", role))
        .post(INVITATIONS)
        .then();
  }

  /** Invites {@code email} as the owner; the token, read from the one-time link. */
  private String invited(String email, String role) {
    String link = invite(ownerToken, email, role).statusCode(201).extract().path("link");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private static ValidatableResponse accept(String token, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("token", token, "password", password))
        .post(ACCEPT)
        .then();
  }

  private static void refused(ValidatableResponse response, int status, String kind) {
    response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", endsWith("/" + kind));
  }

  private List<String> auditPayloads() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AuditEntry.<AuditEntry>listAll().stream().map(e -> e.payload + e.target).toList());
  }

  @Test
  void anInviteeAcceptsWithTheLinksTokenAndIsSignedInWithTheInvitedRole() {
    ExtractableResponse<Response> created =
        invite(ownerToken, "New.Admin@Example.com", "admin")
            .statusCode(201)
            .body("invitation.email", equalTo("new.admin@example.com"))
            .body("invitation.role", equalTo("admin"))
            .body("invitation.invitedBy", equalTo(owner.email))
            .body("invitation.state", equalTo("pending"))
            .body("invitation.expiresAt", notNullValue())
            .extract();
    String link = created.path("link");
    assertThat(link).matches("http://[^/]+/console/invitations/[A-Za-z0-9_-]{43}");
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(created.asString()).containsOnlyOnce(token);

    String listed =
        given()
            .auth()
            .oauth2(ownerToken)
            .get(INVITATIONS)
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].email", equalTo("new.admin@example.com"))
            .body("[0].invitedBy", equalTo(owner.email))
            .extract()
            .asString();
    assertThat(listed).doesNotContain(token).doesNotContain(RandomSecrets.sha256(token));

    String access =
        accept(token, PASSWORD)
            .statusCode(200)
            .body("passwordChangeRequired", equalTo(false))
            .extract()
            .path("accessToken");
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/auth/me")
        .then()
        .statusCode(200)
        .body("email", equalTo("new.admin@example.com"))
        .body("role", equalTo("admin"))
        .body("mfaEnrolmentRequired", equalTo(false));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "new.admin@example.com", "password", PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
    given().auth().oauth2(ownerToken).get(INVITATIONS).then().statusCode(200).body("", hasSize(0));

    List<String> audit = auditPayloads();
    assertThat(audit).noneMatch(p -> p.contains(token) || p.contains(RandomSecrets.sha256(token)));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        List.of(
                            AuditEntry.count("action = 'user.invite' and actor = ?1", owner.email),
                            AuditEntry.count(
                                "action = 'user.invitation.accept' and outcome = 'success'"
                                    + " and actor = 'new.admin@example.com'"))))
        .containsExactly(1L, 1L);
  }

  @Test
  void anInvitedOwnerMustEnrolMfaBeforeAnythingElse() {
    String access =
        accept(invited("second.owner@example.com", "owner"), PASSWORD)
            .statusCode(200)
            .extract()
            .path("accessToken");

    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/auth/me")
        .then()
        .body("mfaEnrolmentRequired", equalTo(true));
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/platform/users")
        .then()
        .statusCode(403)
        .body("type", endsWith("/mfa-enrolment-required"));
  }

  @Test
  void aUsedLinkIsRefusedAsUsed() {
    String token = invited("once@example.com", "support");
    accept(token, PASSWORD).statusCode(200);

    refused(accept(token, "another passphrase entirely"), 410, "invitation-used");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> PasswordMatches.of("once@example.com", PASSWORD)))
        .isTrue();
  }

  @Test
  void anExpiredLinkIsRefusedAsExpiredAndCreatesNoUser() {
    String token = invited("late@example.com", "support");
    platform.sql(
        "UPDATE platform_invitations SET expires_at = now() - interval '1 second'"
            + " WHERE email = 'late@example.com'");

    refused(accept(token, PASSWORD), 410, "invitation-expired");
    assertThat(QuarkusTransaction.requiringNew().call(() -> PlatformUser.count())).isEqualTo(1);
    // An expired invitation no longer blocks a new one for the same email.
    invite(ownerToken, "late@example.com", "support").statusCode(201);
  }

  @Test
  void aRevokedLinkIsRefusedAsRevoked() {
    String token = invited("revoked@example.com", "billing");
    String id = given().auth().oauth2(ownerToken).get(INVITATIONS).then().extract().path("[0].id");

    given()
        .auth()
        .oauth2(ownerToken)
        .delete(INVITATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("revoked"));

    refused(accept(token, PASSWORD), 410, "invitation-revoked");
    refused(
        given().auth().oauth2(ownerToken).delete(INVITATIONS + "/" + id).then(),
        409,
        "invitation-not-pending");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("action = 'user.invitation.revoke'")))
        .isEqualTo(1);
  }

  @Test
  void anUnknownTokenIsRefusedAsNotFound() {
    refused(accept(RandomSecrets.random(32), PASSWORD), 404, "invitation-not-found");
  }

  @Test
  void aWeakPasswordIsRefusedNamingThePasswordAndLeavesTheInvitationPending() {
    String token = invited("weak@example.com", "support");

    accept(token, "aaaaaaaaaaaa")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("password"))
        .body("errors[0].rule", equalTo("is too common or too simple to guess"));

    accept(token, PASSWORD).statusCode(200);
  }

  @Test
  void aSecondInvitationForAPendingEmailOrAnExistingUserIsAConflict() {
    invited("twice@example.com", "support");

    refused(invite(ownerToken, "twice@example.com", "admin"), 409, "invitation-pending");
    refused(invite(ownerToken, owner.email, "admin"), 409, "user-exists");
  }

  @Test
  void onlyUsersWhoMayCreateUsersMayInvite() {
    String support = platform.tokenFor(Role.SUPPORT);
    String admin = platform.tokenFor(Role.ADMIN);

    refused(invite(support, "nope@example.com", "support"), 403, "forbidden");
    refused(given().auth().oauth2(support).get(INVITATIONS).then(), 403, "forbidden");
    refused(invite(admin, "nope@example.com", "support"), 403, "forbidden");
    String id =
        given()
            .auth()
            .oauth2(ownerToken)
            .contentType(ContentType.JSON)
            .body(Map.of("email", "kept@example.com", "role", "support"))
            .post(INVITATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("invitation.id");
    refused(given().auth().oauth2(admin).delete(INVITATIONS + "/" + id).then(), 403, "forbidden");
    assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.count())).isEqualTo(1);
  }

  @Test
  void aBadInviteNamesTheFieldAndTheRule() {
    invite(ownerToken, "not an email", "emperor")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "role"));
  }

  /** Whether {@code email}'s stored password is {@code password}. */
  private static final class PasswordMatches {
    static boolean of(String email, String password) {
      return io.tenantry.controlplane.users.PasswordHasher.matches(
          password, PlatformUser.findByEmail(email).orElseThrow().passwordHash);
    }
  }
}
