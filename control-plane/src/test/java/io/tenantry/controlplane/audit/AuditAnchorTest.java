package io.tenantry.controlplane.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anchors of the audit chain, and what the app's own database role may do to the audit tables. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class AuditAnchorTest {

  @Inject TestPlatform platform;
  @Inject AuditAnchors anchors;
  @Inject AgroalDataSource appDataSource;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.OWNER);
  }

  private void createTenant(String slug) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "displayName", "Anchored", "plan", "free"))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);
  }

  private long idOf(String tenant) {
    return QuarkusTransaction.requiringNew()
        .call(() -> AuditEntry.<AuditEntry>find("tenant", tenant).firstResult().id);
  }

  @Test
  void theAnchorSignsTheHeadOnceUntilTheChainGrows() {
    createTenant("one");
    AuditAnchor first = anchors.anchorHead().orElseThrow();
    assertThat(first.headId).isEqualTo(idOf("one"));
    assertThat(first.anchoredBy).isEqualTo(AuditAnchors.ACTOR);
    assertThat(anchors.anchorHead()).isEmpty();

    createTenant("two");
    assertThat(anchors.anchorHead().orElseThrow().headId).isEqualTo(idOf("two"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("anchor", equalTo(2))
        .body("firstBrokenId", nullValue());
  }

  @Test
  void deletingTheNewestRowsShowsAgainstTheLastAnchor() {
    createTenant("one");
    createTenant("two");
    createTenant("three");
    AuditAnchor anchor = anchors.anchorHead().orElseThrow();
    long one = idOf("one");
    // a superuser removes the newest rows: what is left still links, only the anchor shows it
    platform.sql(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
        "DELETE FROM audit_log WHERE id > " + one,
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("checked", equalTo(1))
        .body("firstBrokenId", equalTo((int) anchor.headId))
        .body("anchor", equalTo(anchor.seq.intValue()))
        .body("reason", startsWith("rows missing after anchor " + anchor.seq + ":"));
  }

  @Test
  void anAnchorNotSignedByThePlatformKeyIsReported() {
    createTenant("one");
    platform.sql(
        "INSERT INTO audit_anchors (head_id, head_hash, anchored_at, anchored_by, algorithm,"
            + " signature) SELECT id, hash, now(), 'mallory', 'ES256', 'AAAA' FROM audit_log");

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/audit/verify")
        .then()
        .body("valid", equalTo(false))
        .body("reason", equalTo("anchor 1 is not signed by a platform key"));
  }

  @Test
  void theAppRoleCannotDisableTheAuditTriggers() {
    createTenant("one");
    assertThatThrownBy(
            () -> asApp("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete"))
        .hasMessageContaining("must be owner");
    assertThatThrownBy(
            () -> asApp("ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_no_update_delete"))
        .hasMessageContaining("must be owner");
  }

  @Test
  void theAppRoleMayOnlyInsertAndReadAuditRowsAndAnchors() {
    createTenant("one");
    anchors.anchorHead().orElseThrow();
    for (String refused :
        new String[] {
          "UPDATE audit_log SET actor = 'x'",
          "DELETE FROM audit_log",
          "TRUNCATE audit_log",
          "UPDATE audit_anchors SET signature = 'x'",
          "DELETE FROM audit_anchors",
          "TRUNCATE audit_anchors"
        }) {
      assertThatThrownBy(() -> asApp(refused))
          .as(refused)
          .hasMessageContaining("permission denied");
    }
  }

  private void asApp(String sql) throws SQLException {
    try (Connection connection = appDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
