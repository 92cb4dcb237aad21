package io.tenantry.controlplane.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.LockWaits;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TOTP code signs in once (RFC 6238 §5.2). Codes are made for the step of the test's start and
 * the next one, both inside the server's window of one step either side for the next 30 seconds.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class TotpReplayTest {

  private static final String INVALID = "https://tenantry.io/problems/invalid-credentials";

  @Inject TestPlatform platform;
  @Inject AgroalDataSource dataSource;

  private PlatformUser user;
  private String secret;
  private long step;

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.ADMIN);
    secret =
        given()
            .auth()
            .oauth2(platform.token(user))
            .post("/api/v1/auth/mfa/enrol")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    step = Instant.now().getEpochSecond() / 30;
  }

  /** MFA on without confirming, so that no step is spent before the test's first login. */
  private void enableWithoutConfirming() {
    platform.sql("UPDATE platform_users SET totp_enabled = true WHERE id = '" + user.id + "'");
  }

  private Response login(String code) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email, "password", TestPlatform.PASSWORD, "totpCode", code))
        .post("/api/v1/auth/login");
  }

  @Test
  void aCodeSignsInOnceAndIsRefusedOnASecondLoginWithinItsWindow() {
    enableWithoutConfirming();
    login(code(step)).then().statusCode(200);

    login(code(step))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo(INVALID));
  }

  @Test
  void aSpentCodeIsRefusedExactlyAsAWrongOne() {
    enableWithoutConfirming();
    login(code(step)).then().statusCode(200);

    Response spent = login(code(step));
    Response wrong = login(wrongCode());
    assertThat(spent.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
    assertThat(spent.contentType()).isEqualTo(wrong.contentType());
    assertThat(spent.asString()).isEqualTo(wrong.asString());
  }

  @Test
  void aCodeForAStepBeforeTheLastAcceptedIsRefusedThoughNeverUsed() {
    enableWithoutConfirming();
    login(code(step + 1)).then().statusCode(200);

    login(code(step)).then().statusCode(401).body("type", equalTo(INVALID));
  }

  @Test
  void theNextStepsCodeIsStillAccepted() {
    enableWithoutConfirming();
    login(code(step)).then().statusCode(200);

    login(code(step + 1)).then().statusCode(200);
  }

  @Test
  void theCodeThatConfirmedMfaCannotSignIn() {
    String code = code(step);
    given()
        .auth()
        .oauth2(platform.token(user))
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post("/api/v1/auth/mfa/confirm")
        .then()
        .statusCode(200);

    login(code).then().statusCode(401).body("type", equalTo(INVALID));
    login(code(step + 1)).then().statusCode(200);
  }

  @Test
  void confirmingMfaRefusesASpentCodeExactlyAsAWrongOne() {
    enableWithoutConfirming();
    login(code(step)).then().statusCode(200);
    // MFA off again with the secret kept, as before a confirmation: the spent step stays spent.
    platform.sql("UPDATE platform_users SET totp_enabled = false WHERE id = '" + user.id + "'");

    Response wrong = confirm(wrongCode());
    Response spent = confirm(code(step));
    assertThat(spent.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(400);
    assertThat(spent.contentType()).isEqualTo(wrong.contentType());
    assertThat(spent.asString()).isEqualTo(wrong.asString());
    confirm(code(step + 1)).then().statusCode(200);
  }

  @Test
  void ofTwoConcurrentLoginsWithOneCodeExactlyOneSucceeds() throws Exception {
    enableWithoutConfirming();
    String code = code(step);
    List<Integer> statuses;
    // Two threads of its own: the common pool may have only one, which would serialize the logins.
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      // Holds the user's row, so that both logins check the code and then wait to spend its step.
      try (PreparedStatement lock =
          other.prepareStatement("SELECT 1 FROM platform_users WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, user.id);
        lock.execute();
      }
      CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> status(code), clients);
      CompletableFuture<Integer> second =
          CompletableFuture.supplyAsync(() -> status(code), clients);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> LockWaits.waiting(dataSource, "UPDATE platform_users") == 2);
      other.commit();
      statuses =
          List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)).stream()
              .sorted()
              .toList();
    } finally {
      clients.shutdownNow();
    }
    assertThat(statuses).containsExactly(200, 401);
  }

  private int status(String code) {
    return login(code).statusCode();
  }

  private Response confirm(String code) {
    return given()
        .auth()
        .oauth2(platform.token(user))
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post("/api/v1/auth/mfa/confirm");
  }

  private String code(long at) {
    try {
      return new DefaultCodeGenerator().generate(secret, at);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Six digits that are the code of no step near now. */
  private String wrongCode() {
    List<String> near = LongStream.rangeClosed(step - 2, step + 3).mapToObj(this::code).toList();
    return LongStream.range(0, 10)
        .mapToObj(d -> String.valueOf(d).repeat(6))
        .filter(candidate -> !near.contains(candidate))
        .findFirst()
        .orElseThrow();
  }
}
