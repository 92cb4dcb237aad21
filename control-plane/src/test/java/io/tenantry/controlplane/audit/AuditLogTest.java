package io.tenantry.controlplane.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class AuditLogTest {

  private static final String NEW_USER_PASSWORD = "s3cret-Passphrase-Never-Logged";

  @Inject TestPlatform platform;

  private final List<String> captured = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          captured.add(
              String.valueOf(record.getMessage())
                  + " "
                  + List.of(record.getParameters() == null ? new Object[0] : record.getParameters())
                  + " "
                  + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private PlatformUser owner;
  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    owner = platform.user(Role.OWNER);
    token = platform.token(owner);
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stopCapture() {
    Logger.getLogger("").removeHandler(capture);
  }

  private void createTenant(String slug) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("X-Request-Id", "req-" + slug)
        .body(Map.of("slug", slug, "displayName", "Audited", "plan", "free"))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);
  }

  @Test
  void aMutatingRequestIsRecordedWithActorTenantRequestIdAndClientAddress() {
    createTenant("acme");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit?action=tenant.create")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].actor", equalTo(owner.email))
        .body("items[0].tenant", equalTo("acme"))
        .body("items[0].target", equalTo("acme"))
        .body("items[0].requestId", equalTo("req-acme"))
        .body("items[0].clientAddress", equalTo("127.0.0.1"))
        .body("items[0].payload.plan", equalTo("free"));
  }

  @Test
  void everyLoginAttemptIsRecordedSuccessOrFailure() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", owner.email, "password", "nope-nope"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", owner.email, "password", TestPlatform.PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);

    assertThat(AuditEntry.count("action = ?1 and outcome = ?2", "auth.login", "failure"))
        .isEqualTo(1);
    assertThat(AuditEntry.count("action = ?1 and outcome = ?2", "auth.login", "success"))
        .isEqualTo(1);
  }

  @Test
  void aRefusedChangeIsRecordedWithTheMissingPermission() {
    given()
        .auth()
        .oauth2(platform.tokenFor(Role.SUPPORT))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "acme", "displayName", "Denied", "plan", "free"))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(403);

    AuditEntry denied = AuditEntry.find("action", "access.denied").firstResult();
    assertThat(denied.outcome).isEqualTo("failure");
    assertThat(denied.target).isEqualTo("POST /api/v1/platform/tenants");
    assertThat(denied.payload).contains("platform:tenants:write");
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAnEntry() {
    createTenant("acme");
    assertThatThrownBy(() -> platform.sql("UPDATE audit_log SET actor = 'someone-else'"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> platform.sql("DELETE FROM audit_log"))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> platform.sql("TRUNCATE audit_log"))
        .hasStackTraceContaining("append-only");
  }

  @Test
  void anIntactChainVerifies() {
    createTenant("one");
    createTenant("two");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("checked", equalTo(2))
        .body("firstBrokenId", nullValue());
  }

  @Test
  void verifyReportsARowTamperedWithInSql() {
    createTenant("one");
    createTenant("two");
    createTenant("three");
    long tampered = AuditEntry.<AuditEntry>find("tenant", "two").firstResult().id;
    platform.sql(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
        "UPDATE audit_log SET actor = 'mallory' WHERE id = " + tampered,
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("firstBrokenId", equalTo((int) tampered))
        .body("checked", equalTo(1));
  }

  @Test
  void verifyReportsTheRowAfterADeletedOne() {
    createTenant("one");
    createTenant("two");
    createTenant("three");
    long deleted = AuditEntry.<AuditEntry>find("tenant", "two").firstResult().id;
    long next = AuditEntry.<AuditEntry>find("tenant", "three").firstResult().id;
    platform.sql(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
        "DELETE FROM audit_log WHERE id = " + deleted,
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/verify")
        .then()
        .body("valid", equalTo(false))
        .body("firstBrokenId", equalTo((int) next));
  }

  @Test
  void secretsNeverAppearInAuditPayloadsOrLogs() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("email", "new@test.io", "password", NEW_USER_PASSWORD, "role", "support"))
        .post("/api/v1/platform/users")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "new@test.io", "password", NEW_USER_PASSWORD + "-wrong"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
    String refresh =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", "new@test.io", "password", NEW_USER_PASSWORD))
            .post("/api/v1/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .path("refreshToken");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", refresh))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(200);

    List<AuditEntry> entries = AuditEntry.listAll();
    assertThat(entries).isNotEmpty();
    String everything =
        String.join(
            "\n", entries.stream().map(e -> e.payload + " " + e.target + " " + e.actor).toList());
    assertThat(everything)
        .doesNotContain(NEW_USER_PASSWORD)
        .doesNotContain(refresh)
        .doesNotContain(token);
    assertThat(AuditEntry.<AuditEntry>find("action", "user.create").firstResult().payload)
        .contains("\"password\":\"[REDACTED]\"");
    assertThat(String.join("\n", captured))
        .doesNotContain(NEW_USER_PASSWORD)
        .doesNotContain(refresh)
        .doesNotContain(token);
  }

  @Test
  void theRedactorCatchesSecretsByKeyAndByValue() {
    Map<String, Object> clean =
        Redactor.redact(
            Map.of(
                "password", "p",
                "totpCode", "123456",
                "apiKey", "k",
                "nested", Map.of("dsn", "x", "url", "postgres://app:hunter2@db:5432/app"),
                "jdbc", "jdbc:postgresql://db/app?password=hunter2",
                "note", "Bearer eyJhbGciOi.eyJzdWIiOiIx.sig",
                "plan", "free"));
    assertThat(clean.toString())
        .doesNotContain("hunter2")
        .doesNotContain("eyJ")
        .doesNotContain("123456");
    assertThat(clean.get("plan")).isEqualTo("free");
  }

  @Test
  void listFiltersAndPaginates() {
    createTenant("one");
    createTenant("two");
    createTenant("three");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit?action=tenant.create&page=0&size=2")
        .then()
        .body("items", hasSize(2))
        .body("total", equalTo(3))
        .body("items[0].tenant", equalTo("three"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit?tenant=two")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void exportStopsAtTheRowCapAndSaysSo() {
    for (String slug : List.of("one", "two", "three", "four", "five", "six")) {
      createTenant(slug);
    }
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/export")
        .then()
        .statusCode(200)
        .body("items", hasSize(5))
        .body("maxRows", equalTo(5))
        .body("truncated", equalTo(true))
        .body("items[0].tenant", equalTo("one"));
  }
}
