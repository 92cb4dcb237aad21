package io.tenantry.tenantapp.migrations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.db.SchemaMigration;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This version of the app (N) on the schema of the next release (N+1, {@code db/next-release}):
 * sign-in and the domain API work end-to-end, over rows the next release wrote with its new
 * columns, and this version's writes satisfy the next release's additions. This is what lets a
 * rollout run N and N+1 side by side and roll back by image alone.
 */
@QuarkusTest
@WithTestResource(NextReleaseSchemaResource.class)
@WithTestResource(TenantKeysTestResource.class)
class ExpandedSchemaTest {

  private static final String PASSWORD = "expand then contract, never both";

  @Inject TestTenant tenant;
  @Inject AgroalDataSource dataSource;
  @Inject SchemaMigration schemaMigration;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
  }

  @Test
  void theStartAcceptedTheNewerSchemaWithoutFlyway() {
    assertThat(schemaMigration.outcome()).isEqualTo(SchemaMigration.Outcome.CURRENT);
  }

  @Test
  void theNextReleasesExpandStepIsApplied() throws SQLException {
    assertThat(query("SELECT max(version::int) FROM flyway_schema_history")).isEqualTo("1000");
    assertThat(
            query(
                "SELECT column_default FROM information_schema.columns"
                    + " WHERE table_name = 'invoices' AND column_name = 'payment_terms_days'"))
        .isEqualTo("30");
  }

  @Test
  void staffSignInAndWorkWithSubscribersAndInvoices() {
    RequestSpecification staff = signedInAs("expand@staff.test", Role.tenant_admin);

    String subscriber =
        given()
            .spec(staff)
            .body(TestTenant.subscriber("ACC-X1", "Ama Serwaa"))
            .post("/api/v1/subscribers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> changed = new java.util.HashMap<>(TestTenant.subscriber("ACC-X1", "Ama"));
    changed.put("servicePlan", "Fiber 1000");
    given()
        .spec(staff)
        .body(changed)
        .put("/api/v1/subscribers/" + subscriber)
        .then()
        .statusCode(200)
        .body("servicePlan", equalTo("Fiber 1000"));

    String invoice =
        given()
            .spec(staff)
            .body(TestTenant.invoice("INV-X1", subscriber))
            .post("/api/v1/invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .spec(staff)
        .body(Map.of("status", "issued"))
        .post("/api/v1/invoices/" + invoice + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("issued"));
    given()
        .spec(staff)
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].number", equalTo("INV-X1"));
  }

  @Test
  void rowsTheNextReleaseWroteAreReadAndItsDefaultsFillThisVersionsWrites() throws SQLException {
    RequestSpecification staff = signedInAs("reader@staff.test", Role.tenant_admin);
    UUID written = UUID.randomUUID();
    update(
        "INSERT INTO subscribers (id, account_number, name, email, service_plan, radius_username,"
            + " status, created_at, preferred_language) VALUES (?, 'ACC-N1', 'Kofi Boateng',"
            + " 'kofi@example.net', 'Fiber 300', 'kofi', 'active', now(), 'tw')",
        written);
    update(
        "INSERT INTO subscriber_notes (id, subscriber_id, body) VALUES (?, ?, 'prefers Twi')",
        UUID.randomUUID(),
        written);

    given()
        .spec(staff)
        .body(TestTenant.subscriber("ACC-N2", "Efua Asante"))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(201);
    given()
        .spec(staff)
        .get("/api/v1/subscribers")
        .then()
        .statusCode(200)
        .body("items.accountNumber", hasItems("ACC-N1", "ACC-N2"));
    given()
        .spec(staff)
        .get("/api/v1/subscribers/" + written)
        .then()
        .statusCode(200)
        .body("name", equalTo("Kofi Boateng"));

    given()
        .spec(staff)
        .body(TestTenant.invoice("INV-N1", written.toString()))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201);
    assertThat(query("SELECT payment_terms_days FROM invoices WHERE number = 'INV-N1'"))
        .isEqualTo("30");
  }

  /** A staff user invited, accepting with a password and signing in: the real sign-in path. */
  private RequestSpecification signedInAs(String email, Role role) {
    String invite =
        given()
            .auth()
            .oauth2(tenant.tokenFor(Role.tenant_admin))
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "displayName", "Expand", "role", role.name()))
            .post("/api/v1/staff")
            .then()
            .statusCode(201)
            .extract()
            .path("inviteToken");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("inviteToken", invite, "password", PASSWORD))
        .post("/api/v1/auth/accept-invite")
        .then()
        .statusCode(200);
    String token =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "password", PASSWORD))
            .post("/api/v1/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private String query(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
