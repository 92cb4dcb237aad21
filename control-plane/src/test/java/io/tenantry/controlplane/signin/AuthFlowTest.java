package io.tenantry.controlplane.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class AuthFlowTest {

  @Inject TestPlatform platform;
  @Inject RedisDataSource redis;

  private PlatformUser user;

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.ADMIN);
  }

  private static ValidatableResponse login(Map<String, String> body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login").then();
  }

  private ValidatableResponse login(String password) {
    return login(Map.of("email", user.email, "password", password));
  }

  private static ValidatableResponse refresh(String token) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", token))
        .post("/api/v1/auth/refresh")
        .then();
  }

  @Test
  void loginReturnsAnAccessTokenThatOpensTheApiAndAnOpaqueRefreshToken() {
    String access =
        login(TestPlatform.PASSWORD)
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("tokenType", equalTo("Bearer"))
            .body("expiresIn", equalTo(300))
            .body("refreshToken", notNullValue())
            .extract()
            .path("accessToken");
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/auth/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(user.email));
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
    login("wrong password!!")
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/invalid-credentials"));
    login(Map.of("email", "nobody@test.io", "password", "whatever"))
        .statusCode(401)
        .body("type", equalTo("https://tenantry.io/problems/invalid-credentials"));
  }

  @Test
  void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
    String first = login(TestPlatform.PASSWORD).statusCode(200).extract().path("refreshToken");
    String second = refresh(first).statusCode(200).extract().path("refreshToken");
    assertThat(second).isNotEqualTo(first);

    refresh(first)
        .statusCode(401)
        .body("type", equalTo("https://tenantry.io/problems/refresh-token-reused"));
    refresh(second)
        .statusCode(401)
        .body("type", equalTo("https://tenantry.io/problems/invalid-refresh-token"));
  }

  @Test
  void refreshTokensAreStoredOnlyAsHashes() {
    String token = login(TestPlatform.PASSWORD).statusCode(200).extract().path("refreshToken");
    assertThat(RefreshToken.count("tokenHash", token)).isZero();
    assertThat(RefreshToken.count("tokenHash", RandomSecrets.sha256(token))).isEqualTo(1);
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    String token = login(TestPlatform.PASSWORD).statusCode(200).extract().path("refreshToken");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", token))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    refresh(token).statusCode(401);
  }

  @Test
  void afterMfaEnrolmentLoginNeedsACodeAndRecoveryCodesWorkOnce() throws Exception {
    String access = platform.token(user);
    String secret =
        given()
            .auth()
            .oauth2(access)
            .post("/api/v1/auth/mfa/enrol")
            .then()
            .statusCode(200)
            .body("otpauthUri", startsWith("otpauth://totp/"))
            .extract()
            .path("secret");
    List<String> recovery =
        given()
            .auth()
            .oauth2(access)
            .contentType(ContentType.JSON)
            .body(Map.of("code", currentCode(secret)))
            .post("/api/v1/auth/mfa/confirm")
            .then()
            .statusCode(200)
            .body("recoveryCodes", hasSize(10))
            .extract()
            .path("recoveryCodes");

    login(TestPlatform.PASSWORD)
        .statusCode(401)
        .body("type", equalTo("https://tenantry.io/problems/mfa-required"));
    login(Map.of("email", user.email, "password", TestPlatform.PASSWORD, "totpCode", "000000"))
        .statusCode(401);
    // The confirmation spent the current step; each code signs in once (TotpReplayTest).
    login(
            Map.of(
                "email",
                user.email,
                "password",
                TestPlatform.PASSWORD,
                "totpCode",
                nextCode(secret)))
        .statusCode(200);
    login(
            Map.of(
                "email",
                user.email,
                "password",
                TestPlatform.PASSWORD,
                "recoveryCode",
                recovery.get(0)))
        .statusCode(200);
    login(
            Map.of(
                "email",
                user.email,
                "password",
                TestPlatform.PASSWORD,
                "recoveryCode",
                recovery.get(0)))
        .statusCode(401);
  }

  @Test
  void anAccountIsLockedAfterFiveFailuresWith429AndRetryAfterKeptInRedis() {
    for (int i = 0; i < 5; i++) {
      login("wrong password " + i).statusCode(401);
    }
    String retryAfter =
        login(TestPlatform.PASSWORD)
            .statusCode(429)
            .contentType("application/problem+json")
            .extract()
            .header("Retry-After");
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 900L);
    assertThat(redis.key().exists("tenantry:login:lock:account:" + user.email)).isTrue();
  }

  @Test
  void aClientAddressIsLockedAfterTwentyFailuresAcrossAccounts() {
    for (int i = 0; i < 20; i++) {
      login(Map.of("email", "probe" + i + "@test.io", "password", "guess")).statusCode(401);
    }
    login(TestPlatform.PASSWORD).statusCode(429);
  }

  @Test
  void disablingAUserTakesEffectOnTheNextRequest() {
    String access = platform.token(user);
    given().auth().oauth2(access).get("/api/v1/platform/tenants").then().statusCode(200);
    String owner = platform.tokenFor(Role.OWNER);
    given()
        .auth()
        .oauth2(owner)
        .contentType(ContentType.JSON)
        .body(Map.of("enabled", false))
        .patch("/api/v1/platform/users/" + user.id)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(access)
        .get("/api/v1/platform/tenants")
        .then()
        .statusCode(401)
        .body("type", equalTo("https://tenantry.io/problems/account-disabled"));
  }

  @Test
  void changingARoleTakesEffectOnTheNextRequest() {
    String access = platform.token(user);
    given().auth().oauth2(access).get("/api/v1/platform/audit").then().statusCode(200);
    given()
        .auth()
        .oauth2(platform.tokenFor(Role.OWNER))
        .contentType(ContentType.JSON)
        .body(Map.of("role", "billing"))
        .patch("/api/v1/platform/users/" + user.id)
        .then()
        .statusCode(200);
    given().auth().oauth2(access).get("/api/v1/platform/audit").then().statusCode(403);
  }

  private static String currentCode(String secret) throws Exception {
    return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
  }

  private static String nextCode(String secret) throws Exception {
    return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + 1);
  }
}
