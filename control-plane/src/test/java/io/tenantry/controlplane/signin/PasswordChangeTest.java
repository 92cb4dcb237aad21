package io.tenantry.controlplane.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/auth/password}: a signed-in user changes their own password. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class PasswordChangeTest {

  private static final String NEW_PASSWORD = "a brand new long passphrase";
  private static final String VALIDATION = "https://tenantry.io/problems/validation";

  @Inject TestPlatform platform;

  private PlatformUser user;

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.SUPPORT);
  }

  private ValidatableResponse login(String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email, "password", password))
        .post("/api/v1/auth/login")
        .then();
  }

  private ValidatableResponse change(String currentPassword, String newPassword) {
    Map<String, String> body = new HashMap<>();
    body.put("currentPassword", currentPassword);
    body.put("newPassword", newPassword);
    return given()
        .auth()
        .oauth2(platform.token(user))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/auth/password")
        .then();
  }

  private static ValidatableResponse refresh(String token) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", token))
        .post("/api/v1/auth/refresh")
        .then();
  }

  @Test
  void afterAChangeOnlyTheNewPasswordSignsInAndEveryEarlierSessionIsOver() {
    String earlier = login(TestPlatform.PASSWORD).statusCode(200).extract().path("refreshToken");

    String fresh =
        change(TestPlatform.PASSWORD, NEW_PASSWORD)
            .statusCode(200)
            .body("accessToken", notNullValue())
            .body("passwordChangeRequired", equalTo(false))
            .extract()
            .path("refreshToken");

    login(TestPlatform.PASSWORD).statusCode(401);
    login(NEW_PASSWORD).statusCode(200).body("passwordChangeRequired", equalTo(false));
    refresh(earlier)
        .statusCode(401)
        .body("type", equalTo("https://tenantry.io/problems/invalid-refresh-token"));
    refresh(fresh).statusCode(200);
  }

  @Test
  void theChangeIsAuditedWithoutEitherPassword() {
    change(TestPlatform.PASSWORD, NEW_PASSWORD).statusCode(200);

    List<AuditEntry> entries = AuditEntry.list("action", "auth.password.change");
    assertThat(entries).singleElement().satisfies(e -> assertThat(e.outcome).isEqualTo("success"));
    assertThat(entries.get(0).actor).isEqualTo(user.email);
    assertThat(entries.get(0).payload)
        .doesNotContain(TestPlatform.PASSWORD)
        .doesNotContain(NEW_PASSWORD);
  }

  @Test
  void aWrongCurrentPasswordIsRefusedNamingTheFieldAndChangesNothing() {
    change("not my password at all", NEW_PASSWORD)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo(VALIDATION))
        .body("errors.field", contains("currentPassword"));

    login(TestPlatform.PASSWORD).statusCode(200);
    assertThat(AuditEntry.<AuditEntry>find("action", "auth.password.change").firstResult().payload)
        .doesNotContain("not my password at all")
        .doesNotContain(NEW_PASSWORD);
  }

  @Test
  void aMissingCurrentPasswordIsRefusedNamingTheField() {
    change(null, NEW_PASSWORD)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("currentPassword"))
        .body("errors.rule", contains("must not be blank"));
  }

  @Test
  void aNewPasswordShorterThanTheRulesAllowIsRefusedNamingTheRule() {
    change(TestPlatform.PASSWORD, "too short")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("newPassword"))
        .body("errors.rule", contains("must be at least 12 characters and at most 1024"));

    login(TestPlatform.PASSWORD).statusCode(200);
  }

  @Test
  void aNewPasswordEqualToTheCurrentOneIsRefused() {
    change(TestPlatform.PASSWORD, TestPlatform.PASSWORD)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("newPassword"))
        .body("errors.rule", contains("must differ from the current password"));
  }

  @Test
  void aMissingBodyIsRefusedAsInvalid() {
    given()
        .auth()
        .oauth2(platform.token(user))
        .contentType(ContentType.JSON)
        .post("/api/v1/auth/password")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo(VALIDATION));
  }

  @Test
  void wrongCurrentPasswordsCountAsFailedLoginsSoTheLockoutCannotBeBypassed() {
    for (int i = 0; i < 5; i++) {
      change("not my password at all", NEW_PASSWORD).statusCode(400);
    }

    change(TestPlatform.PASSWORD, NEW_PASSWORD)
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/login-locked"));
    login(TestPlatform.PASSWORD).statusCode(429);
  }
}
