package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two creates of one slug (or one e-mail) that both pass the service's existence check: the loser
 * gets the same 409 as a sequential duplicate, never a 500. The race is made certain rather than
 * likely: the other create is an open transaction holding the row, so the API's insert waits on the
 * unique index and fails when that transaction commits.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConcurrentCreateTest {

  @Inject TestPlatform platform;
  @Inject AgroalDataSource dataSource;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.OWNER);
  }

  @Test
  void theSecondOfTwoConcurrentCreatesOfOneSlugIs409() throws Exception {
    Response response =
        racingWith(
            "INSERT INTO tenants (id, slug, display_name, plan, deletion_policy, state, origin,"
                + " phase, push_pending) VALUES (gen_random_uuid(), 'acme', 'Acme', 'free',"
                + " 'Retain', 'ACTIVE', 'api', 'Pending', false)",
            "/api/v1/platform/tenants",
            """
            {"slug":"acme","displayName":"Acme Fiber Ltd","plan":"starter"}""");

    response.then().statusCode(409).contentType("application/problem+json");
    response.then().body("type", equalTo("https://tenantry.io/problems/slug-taken"));
  }

  @Test
  void theSecondOfTwoConcurrentCreatesOfOneEmailIs409() throws Exception {
    Response response =
        racingWith(
            "INSERT INTO platform_users (id, email, password_hash, role) VALUES"
                + " (gen_random_uuid(), 'dup@example.com', 'not-a-hash', 'support')",
            "/api/v1/platform/users",
            """
            {"email":"dup@example.com","password":"violet-harbour-lantern-42","role":"support"}""");

    response.then().statusCode(409).contentType("application/problem+json");
    response.then().body("type", equalTo("https://tenantry.io/problems/user-exists"));
  }

  /** Posts {@code body} while {@code insert} is uncommitted, then commits it. */
  private Response racingWith(String insert, String path, String body) throws Exception {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement statement = other.createStatement()) {
        statement.executeUpdate(insert);
      }
      CompletableFuture<Response> request =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .auth()
                      .oauth2(token)
                      .contentType(ContentType.JSON)
                      .body(body)
                      .post(path)
                      .andReturn());
      await().atMost(Duration.ofSeconds(30)).until(this::anInsertWaitsOnALock);
      other.commit();
      return request.get(30, TimeUnit.SECONDS);
    }
  }

  private boolean anInsertWaitsOnALock() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND query ILIKE 'insert%'")) {
      r.next();
      return r.getLong(1) > 0;
    }
  }
}
