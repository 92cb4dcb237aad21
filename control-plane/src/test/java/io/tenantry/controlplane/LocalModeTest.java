package io.tenantry.controlplane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.testing.PostgresTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local launcher's setup: no Redis server at all, a generated first owner. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LocalModeTest.NoRedis.class)
@WithKubernetesTestServer(crud = true)
class LocalModeTest {

  static final String CREDENTIALS = "target/local-mode/bootstrap-credentials";
  static final String LOG = "target/local-mode/control-plane.log";

  /** Redis disabled and pointed at a port where nothing listens. */
  public static class NoRedis implements QuarkusTestResourceLifecycleManager {
    @Override
    public void stop() {}

    @Override
    public Map<String, String> start() {
      return Map.of(
          "tenantry.redis.enabled", "false",
          "quarkus.redis.hosts", "redis://127.0.0.1:1",
          "tenantry.bootstrap.credentials-file", CREDENTIALS,
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG);
    }
  }

  @Test
  void readinessIsUpWithoutAnyRedisServer() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Redis login throttle"));
  }

  @Test
  void theGeneratedOwnerPasswordIsInTheCredentialsFileAndNotInTheLog() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(CREDENTIALS));
    String email = lines.get(0).substring("email=".length());
    String password = lines.get(1).substring("password=".length());

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
    String log = Files.readString(Path.of(LOG));
    assertThat(log).contains(Path.of(CREDENTIALS).toAbsolutePath().toString());
    assertThat(log).doesNotContain(password);
  }

  @Test
  void lockoutStillWorksInProcess() {
    Map<String, String> wrong = Map.of("email", "local@test.io", "password", "wrong");
    for (int i = 0; i < 5; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(wrong)
          .post("/api/v1/auth/login")
          .then()
          .statusCode(401);
    }
    given()
        .contentType(ContentType.JSON)
        .body(wrong)
        .post("/api/v1/auth/login")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
  }
}
