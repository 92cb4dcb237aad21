package io.tenantry.controlplane.redis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stops and comes back: the pods stay ready, sign-in throttling and flags keep working in
 * process memory meanwhile, and both are back on Redis once it answers again.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OwnRedisServer.class)
@WithKubernetesTestServer(crud = true)
class RedisOutageTest {

  private static final String READY = "/q/health/ready";
  private static final String REDIS_CHECK = "checks.find { it.name == 'Redis login throttle' }";

  @Inject TestPlatform platform;

  @ConfigProperty(name = "quarkus.redis.hosts")
  URI redisHost;

  private PlatformUser user;

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.ADMIN);
  }

  @AfterEach
  void redisRunsAgain() {
    if (!"PONG".equals(OwnRedisServer.cli(redisHost.getPort(), "ping"))) {
      OwnRedisServer.start(redisHost.getPort());
    }
  }

  @Test
  void duringAnOutageThePodStaysReadyAndThrottlingAndFlagsWorkInProcessThenReturnToRedis() {
    String token = platform.token(user);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"acme\",\"displayName\":\"Acme\",\"plan\":\"starter\"}")
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);

    OwnRedisServer.stop(redisHost.getPort());

    given()
        .get(READY)
        .then()
        .statusCode(200)
        .body(REDIS_CHECK + ".status", equalTo("UP"))
        .body(REDIS_CHECK + ".data.mode", equalTo("in-process"));
    given().auth().oauth2(token).get("/api/v1/platform/tenants/acme/flags").then().statusCode(200);
    for (int i = 0; i < 5; i++) {
      login(user.email, "wrong password " + i).statusCode(401);
    }
    login(user.email, TestPlatform.PASSWORD).statusCode(429);

    OwnRedisServer.start(redisHost.getPort());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().get(READY).then().body(REDIS_CHECK + ".data.mode", equalTo("redis")));
    login("someone-else@test.io", "wrong password").statusCode(401);
    assertThat(
            OwnRedisServer.cli(
                redisHost.getPort(), "exists", "tenantry:login:fail:account:someone-else@test.io"))
        .isEqualTo("1");
    // the lock earned during the outage outlives it
    login(user.email, TestPlatform.PASSWORD).statusCode(429);
    given().auth().oauth2(token).get("/api/v1/platform/tenants/acme/flags").then().statusCode(200);
  }

  @Test
  void aFailureCounterIsCreatedWithItsExpiryInOneStep() {
    login("counted@test.io", "wrong password").statusCode(401);

    long ttl =
        Long.parseLong(
            OwnRedisServer.cli(
                redisHost.getPort(), "pttl", "tenantry:login:fail:account:counted@test.io"));
    assertThat(ttl).isPositive();
  }

  private static ValidatableResponse login(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .then();
  }
}
