package io.tenantry.controlplane.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class BootstrapOwnerTest {

  private static final String NEW_PASSWORD = "the owner's own passphrase";

  @Inject TestPlatform platform;
  @Inject BootstrapOwner bootstrap;
  @Inject BootstrapConfig bootstrapConfig;

  @BeforeEach
  void reset() {
    platform.reset();
  }

  private static ValidatableResponse login(Map<String, String> body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login").then();
  }

  @Test
  void theFirstOwnerGetsAOneTimePasswordInTheCredentialsFile() throws Exception {
    platform.reset();
    bootstrap.onStart(null);

    Path file = Path.of(bootstrapConfig.credentialsFile());
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("email=" + bootstrapConfig.ownerEmail());
    String password = lines.get(1).substring("password=".length());
    assertThat(password).hasSizeGreaterThanOrEqualTo(20);
    login(Map.of("email", bootstrapConfig.ownerEmail(), "password", password)).statusCode(200);
    assertThat(PlatformUser.count()).isEqualTo(1);

    bootstrap.onStart(null);
    assertThat(PlatformUser.count()).isEqualTo(1);
  }

  @Test
  void theFirstOwnerIsToldToChangeTheOneTimePasswordUntilItIsChanged() throws Exception {
    bootstrap.onStart(null);
    List<String> lines = Files.readAllLines(Path.of(bootstrapConfig.credentialsFile()));
    String password = lines.get(1).substring("password=".length());
    assertThat(String.join("\n", lines)).contains("change it with POST /api/v1/auth/password");

    String access =
        login(Map.of("email", bootstrapConfig.ownerEmail(), "password", password))
            .statusCode(200)
            .body("passwordChangeRequired", equalTo(true))
            .extract()
            .path("accessToken");
    me(access).body("passwordChangeRequired", equalTo(true));

    String changed =
        given()
            .auth()
            .oauth2(access)
            .contentType(ContentType.JSON)
            .body(Map.of("currentPassword", password, "newPassword", NEW_PASSWORD))
            .post("/api/v1/auth/password")
            .then()
            .statusCode(200)
            .body("passwordChangeRequired", equalTo(false))
            .extract()
            .path("accessToken");
    me(changed).body("passwordChangeRequired", equalTo(false));
    login(Map.of("email", bootstrapConfig.ownerEmail(), "password", NEW_PASSWORD))
        .statusCode(200)
        .body("passwordChangeRequired", equalTo(false));
  }

  /**
   * With the one-time password the owner may change it and look after their own account, nothing
   * else: an owner's role grants every permission, so each refusal is the rule's alone. The token
   * signed in with works for all of it once the password is changed.
   */
  @Test
  void untilTheOneTimePasswordIsChangedOnlySelfServiceIsOpen() throws Exception {
    BootstrapFixture.Credentials first = new BootstrapFixture(bootstrap, bootstrapConfig).start();
    JsonPath signedIn =
        login(Map.of("email", first.email(), "password", first.password()))
            .statusCode(200)
            .extract()
            .jsonPath();
    String access = signedIn.getString("accessToken");
    List<String> reads =
        List.of(
            "/api/v1/platform/tenants",
            "/api/v1/platform/users",
            "/api/v1/platform/audit",
            "/api/v1/platform/flags",
            "/api/v1/platform/plans");

    for (String path : reads) {
      given()
          .auth()
          .oauth2(access)
          .get(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("https://tenantry.io/problems/password-change-required"))
          .body("detail", containsString("POST /api/v1/auth/password"));
    }
    invite(access, "refused@example.com")
        .statusCode(403)
        .body("type", endsWith("/password-change-required"));
    assertThat(platform.count("platform_invitations")).isZero();
    // What the console's sign-in and bootstrap flow use stays open.
    me(access).body("passwordChangeRequired", equalTo(true));
    given().auth().oauth2(access).post("/api/v1/auth/mfa/enrol").then().statusCode(200);
    String refreshed =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("refreshToken", signedIn.getString("refreshToken")))
            .post("/api/v1/auth/refresh")
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");

    given()
        .auth()
        .oauth2(refreshed)
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", first.password(), "newPassword", NEW_PASSWORD))
        .post("/api/v1/auth/password")
        .then()
        .statusCode(200);

    for (String path : reads) {
      given().auth().oauth2(access).get(path).then().statusCode(200);
    }
    invite(access, "welcome@example.com").statusCode(201);
  }

  private static ValidatableResponse invite(String access, String email) {
    return given()
        .auth()
        .oauth2(access)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "support"))
        .post("/api/v1/platform/users/invitations")
        .then();
  }

  /**
   * The console's flow over the API: after the forced password change, the new token enrols MFA and
   * the account then needs the second factor to sign in.
   */
  @Test
  void theFirstOwnerEnrolsMfaWithTheTokenThePasswordChangeReturned() throws Exception {
    BootstrapFixture.Credentials first = new BootstrapFixture(bootstrap, bootstrapConfig).start();
    String access =
        login(Map.of("email", first.email(), "password", first.password()))
            .statusCode(200)
            .extract()
            .path("accessToken");
    String changed =
        given()
            .auth()
            .oauth2(access)
            .contentType(ContentType.JSON)
            .body(Map.of("currentPassword", first.password(), "newPassword", NEW_PASSWORD))
            .post("/api/v1/auth/password")
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");

    String secret =
        given()
            .auth()
            .oauth2(changed)
            .post("/api/v1/auth/mfa/enrol")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    long step = Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30);
    given()
        .auth()
        .oauth2(changed)
        .contentType(ContentType.JSON)
        .body(Map.of("code", new DefaultCodeGenerator().generate(secret, step)))
        .post("/api/v1/auth/mfa/confirm")
        .then()
        .statusCode(200)
        .body("recoveryCodes", hasSize(10));

    me(changed).body("mfa", equalTo(true)).body("passwordChangeRequired", equalTo(false));
    login(Map.of("email", first.email(), "password", NEW_PASSWORD))
        .statusCode(401)
        .body("type", endsWith("/mfa-required"));
    // The confirmation spent this step's code; the app's next one is within the window.
    login(
            Map.of(
                "email",
                first.email(),
                "password",
                NEW_PASSWORD,
                "totpCode",
                new DefaultCodeGenerator().generate(secret, step + 1)))
        .statusCode(200);
  }

  private static ValidatableResponse me(String access) {
    return given().auth().oauth2(access).get("/api/v1/auth/me").then().statusCode(200);
  }
}
