package io.tenantry.controlplane.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
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
}
