package io.tenantry.tenantapp.entitlements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Feature-gated endpoints follow the signed feature flags; the rest are never gated. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class FeatureGateTest {

  @Inject TestTenant tenant;

  @AfterEach
  void restore() {
    tenant.restoreEntitlements();
  }

  private static Map<String, Boolean> allOnBut(String flag) {
    Map<String, Boolean> features = new HashMap<>(TestEntitlements.ALL_ON);
    features.put(flag, false);
    return features;
  }

  @ParameterizedTest
  @CsvSource({
    "invoicing, /api/v1/invoices",
    "support-tickets, /api/v1/tickets",
    "radius-sessions, /api/v1/radius/sessions"
  })
  void gatedEndpointAnswers403NamingTheFlagAndThePlanWhileTheFlagIsOff(String flag, String path) {
    tenant.entitle(TestEntitlements.plan("starter", 1000).features(allOnBut(flag)));

    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .get(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://tenantry.io/problems/feature-disabled"))
        .body("feature", equalTo(flag))
        .body("plan", equalTo("starter"))
        .body("detail", containsString(flag))
        .body("detail", containsString("starter"));
  }

  @ParameterizedTest
  @CsvSource({
    "invoicing, /api/v1/invoices",
    "support-tickets, /api/v1/tickets",
    "radius-sessions, /api/v1/radius/sessions"
  })
  void gatedEndpointAnswers200WhileOnlyItsOwnFlagIsOn(String flag, String path) {
    tenant.entitle(TestEntitlements.plan("starter", 1000).features(Map.of(flag, true)));

    given().auth().oauth2(tenant.tokenFor(Role.tenant_admin)).get(path).then().statusCode(200);
  }

  @Test
  void gateAlsoRefusesWritesToAGatedEndpoint() {
    tenant.entitle(TestEntitlements.plan("free", 1000).features(allOnBut("support-tickets")));

    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType("application/json")
        .body(Map.of("subject", "Router keeps rebooting", "priority", "low"))
        .post("/api/v1/tickets")
        .then()
        .statusCode(403)
        .body("feature", equalTo("support-tickets"))
        .body("plan", equalTo("free"));
  }

  @Test
  void subscribersStaffAndSearchAreNeverGated() {
    tenant.entitle(TestEntitlements.plan("free", 1000).features(Map.of()));
    String token = tenant.tokenFor(Role.tenant_admin);

    for (String path : new String[] {"/api/v1/subscribers", "/api/v1/staff", "/api/v1/devices"}) {
      given().auth().oauth2(token).get(path).then().statusCode(200);
    }
    given()
        .auth()
        .oauth2(token)
        .queryParam("q", "anything")
        .get("/api/v1/search")
        .then()
        .statusCode(200);
  }

  @Test
  void anonymousRequestToAnOffFeatureIsStill401() {
    tenant.entitle(TestEntitlements.plan("free", 1000).features(Map.of()));

    given().get("/api/v1/invoices").then().statusCode(401);
  }
}
