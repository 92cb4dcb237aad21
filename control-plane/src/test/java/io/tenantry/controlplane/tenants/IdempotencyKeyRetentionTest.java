package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys are remembered for tenantry.tenants.idempotency-key-retention, then not. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class IdempotencyKeyRetentionTest {

  @Inject TestPlatform platform;
  @Inject TenantsConfig config;
  @Inject IdempotencyKeyCleanup cleanup;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.ADMIN);
  }

  private ValidatableResponse create(String key, String slug) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(
            """
            {"slug":"%s","displayName":"Acme Fiber Ltd","plan":"starter"}"""
                .formatted(slug))
        .post("/api/v1/platform/tenants")
        .then();
  }

  /** Moves the key's creation into the past, the retention plus {@code beyond} ago. */
  private void age(String key, Duration beyond) {
    long seconds = config.idempotencyKeyRetention().plus(beyond).toSeconds();
    platform.sql(
        "UPDATE idempotency_keys SET created_at = now() - make_interval(secs => "
            + seconds
            + ") WHERE idem_key = '"
            + key
            + "'");
  }

  @Test
  void aKeyWithinItsRetentionReplaysTheStoredResponse() {
    create("k1", "acme").statusCode(202).header("Idempotent-Replayed", "false");
    age("k1", Duration.ofHours(-1));

    create("k1", "acme")
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .header("Location", endsWith("/acme"))
        .body("slug", equalTo("acme"));
    assertThat(TenantRecord.count()).isEqualTo(1);
  }

  @Test
  void aKeyPastItsRetentionIsNewEvenBeforeTheCleanupRan() {
    create("k1", "acme").statusCode(202);
    age("k1", Duration.ofHours(1));

    // A remembered key would refuse a different body with 422; a forgotten one creates.
    create("k1", "other")
        .statusCode(202)
        .header("Idempotent-Replayed", "false")
        .header("Location", endsWith("/other"));
    assertThat(TenantRecord.count()).isEqualTo(2);
    create("k1", "other").statusCode(202).header("Idempotent-Replayed", "true");
  }

  @Test
  void theCleanupDeletesOnlyKeysPastTheirRetention() {
    create("expired", "acme").statusCode(202);
    create("kept", "beta").statusCode(202);
    create("fresh", "gamma").statusCode(202);
    age("expired", Duration.ofMinutes(1));
    age("kept", Duration.ofMinutes(-1));

    assertThat(cleanup.deleteExpired()).isEqualTo(1);

    List<String> left =
        IdempotencyKey.<IdempotencyKey>listAll().stream().map(k -> k.idemKey).sorted().toList();
    assertThat(left).containsExactly("fresh", "kept");
  }
}
