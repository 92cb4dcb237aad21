package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Login, invitations, refresh-token rotation and disabling, through the HTTP API. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class AuthTest {

  private static final String PASSWORD = "correct horse battery staple";

  @Inject TestTenant tenant;

  private String invite(String email, Role role) {
    return given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "displayName", "New Staff", "role", role.name()))
        .post("/api/v1/staff")
        .then()
        .statusCode(201)
        .extract()
        .path("inviteToken");
  }

  private static void accept(String inviteToken) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", inviteToken, "password", PASSWORD))
        .post("/api/v1/auth/accept-invite")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
  }

  private static JsonPath login(String email) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Map<?, ?> claimsOf(String jwt) {
    String payload =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return new JsonPath(payload).getMap("");
  }

  @Test
  void firstAdministratorSetsAPasswordWithTheOneTimeTokenFromTheBootstrapFile() throws Exception {
    Path bootstrapFile =
        ConfigProvider.getConfig()
            .getValue("tenantry.tenant.bootstrap-admin.password-file", Path.class);
    String token = Files.readString(bootstrapFile).strip();
    assertThat(Files.getPosixFilePermissions(bootstrapFile).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    accept(token);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", token, "password", PASSWORD))
        .post("/api/v1/auth/accept-invite")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String access = login("first.admin@acme.test").getString("accessToken");
    given().auth().oauth2(access).get("/api/v1/staff").then().statusCode(200);
  }

  @Test
  void accessTokenIsSignedForThisTenantAndCarriesItsSlug() {
    accept(invite("claims@acme.test", Role.support));
    JsonPath tokens = login("claims@acme.test");
    Map<?, ?> claims = claimsOf(tokens.getString("accessToken"));
    assertThat(claims.get("tenant")).isEqualTo("acme");
    assertThat(claims.get("iss")).isEqualTo("https://acme.tenants.tenantry.io");
    assertThat(claims.get("aud")).isEqualTo("tenant-app");
    assertThat(claims.get("groups")).isEqualTo(java.util.List.of("support"));
    String header =
        new String(
            Base64.getUrlDecoder().decode(tokens.getString("accessToken").split("\\.")[0]),
            StandardCharsets.UTF_8);
    assertThat(header).contains("\"ES256\"");
    assertThat(tokens.getLong("expiresIn")).isEqualTo(300);
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    accept(invite("wrongpw@acme.test", Role.read_only));
    String wrong =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", "wrongpw@acme.test", "password", "not the password"))
            .post("/api/v1/auth/login")
            .then()
            .statusCode(401)
            .extract()
            .path("detail");
    String unknown =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", "nobody@acme.test", "password", PASSWORD))
            .post("/api/v1/auth/login")
            .then()
            .statusCode(401)
            .extract()
            .path("detail");
    assertThat(wrong).isEqualTo(unknown);
  }

  @Test
  void unknownUserTakesAsLongAsAWrongPassword() {
    // Three known accounts and three unknown addresses, three tries each: nine samples a side,
    // and no account reaches the lockout (five failures), which would answer without a check.
    List<String> known = List.of("timing-1@acme.test", "timing-2@acme.test", "timing-3@acme.test");
    known.forEach(email -> accept(invite(email, Role.read_only)));
    List<String> unknown =
        List.of("nobody-1@acme.test", "nobody-2@acme.test", "nobody-3@acme.test");
    loginMillis("warm-up@acme.test"); // the first check pays for class loading and JIT
    long[] wrong = new long[9];
    long[] absent = new long[9];
    // interleaved, so that a burst of load on the shared machine hits both sides alike
    for (int i = 0; i < wrong.length; i++) {
      wrong[i] = loginMillis(known.get(i % 3));
      absent[i] = loginMillis(unknown.get(i % 3));
    }
    // an Argon2id check costs tens of milliseconds, an answer without one a few: without the
    // decoy check the unknown user answers many times faster
    assertThat(median(absent)).isGreaterThanOrEqualTo(median(wrong) / 2);
  }

  private static long loginMillis(String email) {
    long start = System.nanoTime();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", "not the password"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(long[] millis) {
    long[] sorted = millis.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @Test
  void shortPasswordIsRefusedNamingTheRule() {
    String token = invite("shortpw@acme.test", Role.read_only);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", token, "password", "short"))
        .post("/api/v1/auth/accept-invite")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("password"))
        .body("errors[0].rule", equalTo("must be at least 12 characters and at most 128"));
  }

  @Test
  void refreshTokenRotatesAndAReusedOneRevokesTheWholeFamily() {
    accept(invite("refresh@acme.test", Role.operator));
    String first = login("refresh@acme.test").getString("refreshToken");
    String second =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("refreshToken", first))
            .post("/api/v1/auth/refresh")
            .then()
            .statusCode(200)
            .extract()
            .path("refreshToken");
    assertThat(second).isNotEqualTo(first);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", first))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", second))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(401);
  }

  @Test
  void disabledStaffLoseTheirAccessTokenRefreshTokenAndLogin() {
    accept(invite("leaver@acme.test", Role.operator));
    JsonPath tokens = login("leaver@acme.test");
    String access = tokens.getString("accessToken");
    given().auth().oauth2(access).get("/api/v1/subscribers").then().statusCode(200);
    UUID leaver = UUID.fromString((String) claimsOf(access).get("sub"));
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .post("/api/v1/staff/" + leaver + "/disable")
        .then()
        .statusCode(200)
        .body("status", equalTo("disabled"));
    given().auth().oauth2(access).get("/api/v1/subscribers").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", tokens.getString("refreshToken")))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "leaver@acme.test", "password", PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
  }

  @Test
  void administratorCannotDisableThemselves() {
    UUID admin = tenant.userIdFor(Role.tenant_admin);
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .post("/api/v1/staff/" + admin + "/disable")
        .then()
        .statusCode(409);
  }

  @Test
  void invitingAnExistingEmailIsAConflict() {
    invite("twice@acme.test", Role.billing);
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .body(Map.of("email", "TWICE@acme.test", "displayName", "Again", "role", "billing"))
        .post("/api/v1/staff")
        .then()
        .statusCode(409)
        .body("field", equalTo("email"));
  }

  @Test
  void unknownRoleIsABadRequestNamingTheField() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType(ContentType.JSON)
        .body(Map.of("email", "root@acme.test", "displayName", "Root", "role", "superuser"))
        .post("/api/v1/staff")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("role"));
  }

  @Test
  void staffMemberChangesTheirOwnPasswordWithTheCurrentOne() {
    accept(invite("changes@acme.test", Role.support));
    String access = login("changes@acme.test").getString("accessToken");

    given()
        .auth()
        .oauth2(access)
        .contentType(ContentType.JSON)
        .body(
            Map.of("currentPassword", "not my password", "newPassword", "another long passphrase"))
        .post("/api/v1/staff/me/password")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("currentPassword"));
    given()
        .auth()
        .oauth2(access)
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", PASSWORD, "newPassword", "another long passphrase"))
        .post("/api/v1/staff/me/password")
        .then()
        .statusCode(204);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "changes@acme.test", "password", PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "changes@acme.test", "password", "another long passphrase"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
  }

  @Test
  void passwordChangeWithoutATokenIsUnauthorized() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", PASSWORD, "newPassword", "another long passphrase"))
        .post("/api/v1/staff/me/password")
        .then()
        .statusCode(401);
  }

  @Test
  void adminResetStopsThePasswordAndHandsOutAOneTimeLink() {
    accept(invite("forgot@acme.test", Role.billing));
    String id =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.tenant_admin))
            .get("/api/v1/staff")
            .then()
            .extract()
            .jsonPath()
            .getString("find { it.email == 'forgot@acme.test' }.id");

    String token =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.tenant_admin))
            .post("/api/v1/staff/" + id + "/reset-password")
            .then()
            .statusCode(200)
            .body("user.status", equalTo("invited"))
            .extract()
            .path("inviteToken");

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "forgot@acme.test", "password", PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
    accept(token);
    login("forgot@acme.test");
  }
}
