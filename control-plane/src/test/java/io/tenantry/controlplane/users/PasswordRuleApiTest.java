package io.tenantry.controlplane.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class PasswordRuleApiTest {

  @Inject TestPlatform platform;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.OWNER);
  }

  @Test
  void aTrivialPasswordOfTwelveCharactersIsRefusedNamingThePassword() {
    long before = PlatformUser.count();

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            """
            {"email":"new@example.com","password":"aaaaaaaaaaaa","role":"support"}""")
        .post("/api/v1/platform/users")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("password"))
        .body("errors[0].rule", equalTo("is too common or too simple to guess"));
    assertThat(PlatformUser.count()).isEqualTo(before);
  }
}
