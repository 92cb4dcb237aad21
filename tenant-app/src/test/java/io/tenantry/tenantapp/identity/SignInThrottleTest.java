package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantry.common.throttle.LoginFailures;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in is throttled per account (and per client address, see LoginFailuresTest), and holds no
 * database transaction while the password hash is checked.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SignInThrottleTest {

  @Inject TestTenant tenant;
  @Inject LoginFailures failures;
  @Inject AgroalDataSource dataSource;
  @Inject AuthService auth;

  @BeforeEach
  @AfterEach
  void forget() {
    failures.clear();
  }

  private static io.restassured.response.ValidatableResponse login(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .then();
  }

  @Test
  void theFifthFailureLocksTheAccountWithRetryAfter() {
    for (int i = 0; i < 5; i++) {
      login("locked@acme.test", "not the password").statusCode(401);
    }

    login("locked@acme.test", "not the password")
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("type", equalTo("https://tenantry.io/problems/login-locked"));
    // another account from the same address is not locked by it
    login("other@acme.test", "not the password").statusCode(401);
  }

  @Test
  void noTransactionIsOpenWhileThePasswordIsChecked() throws Exception {
    Secrets.HASHING.acquire(2); // every hashing slot taken: the login waits right at the hash
    CompletableFuture<Void> login;
    try {
      login =
          CompletableFuture.runAsync(
              () -> {
                try {
                  auth.login("nobody@acme.test", "not the password", "10.9.9.9");
                } catch (RuntimeException refused) {
                  // 401 as expected; what matters is what it held meanwhile
                }
              });
      await().atMost(Duration.ofSeconds(60)).until(Secrets.HASHING::hasQueuedThreads);

      assertThat(idleInTransaction()).isZero();
    } finally {
      Secrets.HASHING.release(2);
    }
    login.get();
  }

  private long idleInTransaction() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND state = 'idle in transaction'")) {
      row.next();
      return row.getLong(1);
    }
  }
}
