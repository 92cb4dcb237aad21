package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffUsers;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures under /app answer with an HTML page under the tenant's name, never problem+json. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class WebErrorPagesTest {

  @Inject WebStaff staff;
  @Inject TestTenant tenant;
  @Inject StaffUsers staffUsers;

  private WebSession session;

  @BeforeEach
  void signIn() {
    session = WebSession.signIn(staff.emailFor(Role.tenant_admin));
  }

  private RequestSpecification signedIn() {
    return given().redirects().follow(false).cookie(StaffWebFilter.COOKIE, session.cookie());
  }

  @Test
  void anUnknownRecordIsANotFoundPage() {
    signedIn()
        .get("/app/subscribers/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>Not found</h1>"))
        .body(containsString("<span class=\"tenant-name\">Acme Fibre</span>"))
        .body(containsString("does not exist"));
  }

  @Test
  void anUnknownPageIsANotFoundPage() {
    signedIn()
        .get("/app/no-such-page")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>Not found</h1>"));
  }

  @Test
  void aWriteToAnUnknownRecordIsANotFoundPage() {
    signedIn()
        .formParam("_csrf", session.csrf())
        .formParam("status", "active")
        .post("/app/devices/" + UUID.randomUUID() + "/status")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>Not found</h1>"));
  }

  @Test
  void aRoleWithoutThePermissionGetsANotAllowedPage() {
    WebSession readOnly = WebSession.signIn(staff.emailFor(Role.read_only));
    given()
        .cookie(StaffWebFilter.COOKIE, readOnly.cookie())
        .get("/app/subscribers/new")
        .then()
        .statusCode(403)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>Not allowed</h1>"));
  }

  @Test
  void aConflictWithAnotherRecordIsAConflictPage() {
    // the staff page's own role change refuses changing one's own role, as the API does (409)
    signedIn()
        .formParam("_csrf", session.csrf())
        .formParam("role", "read_only")
        .post("/app/staff/" + me() + "/role")
        .then()
        .statusCode(409)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>This conflicts with the record as it is now</h1>"))
        .body(not(containsString("\"status\"")));
  }

  private UUID me() {
    return QuarkusTransaction.requiringNew()
        .call(() -> staffUsers.byEmail(staff.emailFor(Role.tenant_admin)).orElseThrow().id);
  }

  @Test
  void theApiKeepsProblemJson() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .get("/api/v1/subscribers/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
