package io.tenantry.controlplane.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /api/v1/platform/users/{id}/mfa}: an owner removes another user's second factor (a
 * lost phone); the user signs in with the password and must enrol again.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class MfaResetTest {

  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Inject TestPlatform platform;

  private PlatformUser owner;
  private PlatformUser admin;
  private String adminRefreshToken;

  @BeforeEach
  void reset() {
    platform.reset();
    owner = platform.user(Role.OWNER);
    admin = platform.user(Role.ADMIN);
    adminRefreshToken = login(admin).statusCode(200).extract().path("refreshToken");
    platform.sql(
        "UPDATE platform_users SET totp_secret = '"
            + SECRET
            + "', totp_enabled = true WHERE id = '"
            + admin.id
            + "'",
        "INSERT INTO recovery_codes (user_id, code_hash) VALUES ('"
            + admin.id
            + "', '"
            + RandomSecrets.sha256("ABCDEFGHIJKL")
            + "')");
  }

  private static ValidatableResponse login(PlatformUser user) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email, "password", TestPlatform.PASSWORD))
        .post("/api/v1/auth/login")
        .then();
  }

  private ValidatableResponse resetAs(PlatformUser caller, UUID target) {
    return given()
        .auth()
        .oauth2(platform.token(caller))
        .delete("/api/v1/platform/users/" + target + "/mfa")
        .then();
  }

  private PlatformUser stored(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> PlatformUser.findById(id));
  }

  @Test
  void anOwnerResetRemovesTheFactorEndsTheSessionsAndIsAudited() {
    resetAs(owner, admin.id)
        .statusCode(200)
        .body("email", equalTo(admin.email))
        .body("mfa", equalTo(false))
        .body("mfaEnrolmentRequired", equalTo(true));

    PlatformUser after = stored(admin.id);
    assertThat(after.totpEnabled).isFalse();
    assertThat(after.totpSecret).isNull();
    assertThat(after.mfaEnrolmentRequired).isTrue();
    assertThat(platform.count("recovery_codes")).isZero();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", adminRefreshToken))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(401);
    AuditEntry entry =
        QuarkusTransaction.requiringNew()
            .call(() -> AuditEntry.<AuditEntry>find("action", "user.mfa.reset").singleResult());
    assertThat(entry.actor).isEqualTo(owner.email);
    assertThat(entry.target).isEqualTo(admin.id.toString());
    assertThat(entry.outcome).isEqualTo("success");
  }

  @Test
  void afterTheResetThePasswordAloneSignsInAndOnlyEnrolmentIsOpenUntilItIsDone() {
    resetAs(owner, admin.id).statusCode(200);

    String access = login(admin).statusCode(200).extract().path("accessToken");
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/auth/me")
        .then()
        .statusCode(200)
        .body("mfa", equalTo(false))
        .body("mfaEnrolmentRequired", equalTo(true));
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/platform/tenants")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/mfa-enrolment-required"));

    String secret =
        given()
            .auth()
            .oauth2(access)
            .post("/api/v1/auth/mfa/enrol")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    given()
        .auth()
        .oauth2(access)
        .contentType(ContentType.JSON)
        .body(Map.of("code", codeNow(secret)))
        .post("/api/v1/auth/mfa/confirm")
        .then()
        .statusCode(200);

    given().auth().oauth2(access).get("/api/v1/platform/tenants").then().statusCode(200);
    assertThat(stored(admin.id).mfaEnrolmentRequired).isFalse();
  }

  private static String codeNow(String secret) {
    try {
      return new DefaultCodeGenerator()
          .generate(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30));
    } catch (CodeGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAdminMayNotResetAnotherUsersMfa() {
    PlatformUser other = platform.user(Role.ADMIN);

    resetAs(other, admin.id)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/forbidden"));

    assertThat(stored(admin.id).totpEnabled).isTrue();
  }

  @Test
  void anOwnerCannotResetTheirOwnMfa() {
    resetAs(owner, owner.id)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/mfa-reset-self"));
  }

  @Test
  void anUnknownUserIsNotFound() {
    resetAs(owner, UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
  }
}
