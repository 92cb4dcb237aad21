package io.tenantry.controlplane.licensing;

import static io.tenantry.controlplane.licensing.LicensingFixture.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class LicenseApiTest {

  private static final String LICENSE = "/api/v1/platform/tenants/%s/license";

  @Inject TestPlatform platform;
  @Inject LicensingFixture fixture;
  @Inject EntitlementsSigner signer;
  @Inject KubernetesClient client;

  private PlatformUser admin;
  private String token;

  @BeforeEach
  void reset() {
    fixture.reset();
    admin = platform.user(Role.ADMIN);
    token = platform.token(admin);
  }

  private static String body(String type, int seats, String expiresAt) {
    return """
        {"type":"%s","seats":%d,"expiresAt":%s,"gracePeriodDays":7}"""
        .formatted(type, seats, expiresAt == null ? "null" : "\"" + expiresAt + "\"");
  }

  @Test
  void aTenantCreatedThroughTheApiStartsWithItsPlansLicense() {
    fixture.createTenant(token, "acme", "starter");

    JsonPath license =
        api(token).get(LICENSE.formatted("acme")).then().statusCode(200).extract().jsonPath();

    assertThat(license.getString("type")).isEqualTo("trial");
    assertThat(license.getInt("seats")).isEqualTo(10);
    assertThat(license.getString("status")).isEqualTo("active");
    assertThat(license.getInt("gracePeriodDays")).isEqualTo(14);
    assertThat(Instant.parse(license.getString("expiresAt")))
        .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(5, ChronoUnit.MINUTES));
    api(token)
        .get(LICENSE.formatted("acme") + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("license.create"))
        .body("items[0].actor", equalTo(admin.email));
  }

  @Test
  void aFreeTenantGetsAPerpetualLicenseWithoutAnEndDate() {
    fixture.createTenant(token, "gratis", "free");

    api(token)
        .get(LICENSE.formatted("gratis"))
        .then()
        .statusCode(200)
        .body("type", equalTo("perpetual"))
        .body("seats", equalTo(3))
        .body("expiresAt", nullValue());
  }

  @Test
  void everyChangeIsKeptInTheHistoryWithWhoWhenAndWhat() {
    fixture.createTenant(token, "acme", "starter");

    api(token)
        .body(body("subscription", 40, "2027-01-31T00:00:00Z"))
        .put(LICENSE.formatted("acme"))
        .then()
        .statusCode(200)
        .body("seats", equalTo(40))
        .body("type", equalTo("subscription"))
        .body("graceEndsAt", equalTo("2027-02-07T00:00:00Z"));
    api(token)
        .body(body("subscription", 45, "2027-01-31T00:00:00Z"))
        .put(LICENSE.formatted("acme"))
        .then()
        .statusCode(200);

    JsonPath history =
        api(token)
            .get(LICENSE.formatted("acme") + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(history.getList("items.action"))
        .containsExactly("license.update", "license.update", "license.create");
    assertThat(history.getList("items.actor")).containsOnly(admin.email);
    assertThat(history.getMap("items[0].changes"))
        .containsOnlyKeys("seats")
        .containsEntry("seats", Map.of("from", "40", "to", "45"));
    assertThat(history.getMap("items[1].changes"))
        .containsOnlyKeys("type", "seats", "expiresAt", "gracePeriodDays");
    assertThat(history.getInt("items[1].seats")).isEqualTo(40);
    assertThat(history.getLong("total")).isEqualTo(3);
    assertThat(platform.count("audit_log WHERE action = 'license.update' AND tenant = 'acme'"))
        .isEqualTo(2);
  }

  @Test
  void aSeatChangeReachesTheSignedEntitlementsOfTheTenant() throws Exception {
    fixture.createTenant(token, "acme", "professional");

    api(token)
        .body(body("subscription", 42, "2027-01-31T00:00:00Z"))
        .put(LICENSE.formatted("acme"))
        .then()
        .statusCode(200);

    Entitlements entitlements = fixture.awaitEntitlements("acme", e -> e.seats == 42);
    SignedEntitlements signed =
        SignedEntitlements.verify(entitlements.signature, platform.keys().publicKey());
    assertThat(signed.algorithm()).isEqualTo("ES256");
    assertThat(signed.keyId()).isEqualTo(signer.keyId());
    assertThat(signed.claims().getIssuer()).isEqualTo(TestPlatform.ISSUER);
    assertThat(signed.claims().getSubject()).isEqualTo("tenant:acme");
    assertThat(signed.claims().getClaimValueAsString("tenant")).isEqualTo("acme");
    assertThat(signed.entitlements())
        .containsEntry("plan", "professional")
        .containsEntry("seats", 42L)
        .containsEntry("expiresAt", "2027-01-31T00:00:00Z")
        .containsEntry("gracePeriodDays", 7L)
        .containsEntry("licenseStatus", "active")
        .containsEntry(
            "features",
            Map.of("invoicing", true, "radius-sessions", true, "support-tickets", true));
    assertThat(entitlements.expiresAt).isEqualTo("2027-01-31T00:00:00Z");
    assertThat(entitlements.gracePeriodDays).isEqualTo(7);
  }

  @Test
  void eachNewSignatureOfATenantsEntitlementsCarriesAHigherVer() throws Exception {
    fixture.createTenant(token, "acme", "professional");
    Entitlements first = fixture.awaitEntitlements("acme", e -> e.signature != null);

    api(token)
        .body(body("subscription", 42, "2027-01-31T00:00:00Z"))
        .put(LICENSE.formatted("acme"))
        .then()
        .statusCode(200);
    Entitlements second = fixture.awaitEntitlements("acme", e -> e.seats == 42);

    long before = version(first);
    assertThat(before).isPositive();
    assertThat(version(second)).isGreaterThan(before);
  }

  private long version(Entitlements entitlements) throws Exception {
    return SignedEntitlements.verify(entitlements.signature, platform.keys().publicKey())
        .claims()
        .getClaimValue("ver", Long.class);
  }

  @Test
  void aSignatureByAnotherKeyDoesNotVerify() throws Exception {
    fixture.createTenant(token, "acme", "starter");
    Entitlements entitlements = fixture.awaitEntitlements("acme", e -> e.signature != null);
    PublicKey other = KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256).getPublic();

    assertThatThrownBy(() -> SignedEntitlements.verify(entitlements.signature, other))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aTenantAdoptedFromTheClusterGetsItsPlansLicenseOnFirstRead() {
    Tenant adopted = new Tenant();
    adopted.setMetadata(new ObjectMetaBuilder().withName("kubectl-made").build());
    adopted.setSpec(new TenantSpec());
    adopted.getSpec().displayName = "Made with kubectl";
    adopted.getSpec().plan = Plan.PROFESSIONAL;
    client.resource(adopted).create();
    await()
        .atMost(LicensingFixture.CLUSTER)
        .until(() -> api(token).get("/api/v1/platform/tenants/kubectl-made").statusCode() == 200);

    api(token)
        .get(LICENSE.formatted("kubectl-made"))
        .then()
        .statusCode(200)
        .body("seats", equalTo(25))
        .body("type", equalTo("trial"));

    assertThat(fixture.awaitEntitlements("kubectl-made", e -> e.signature != null).seats)
        .isEqualTo(25);
    assertThat(platform.count("audit_log WHERE action = 'license.create'")).isEqualTo(1);
  }

  @Test
  void negativeSeatsAreRefusedNamingTheField() {
    expectInvalid(body("subscription", -1, "2027-01-31T00:00:00Z"), "seats", "must be 0 or more");
  }

  @Test
  void anUnknownLicenseTypeIsRefusedNamingTheField() {
    expectInvalid(
        body("lifetime", 5, "2027-01-31T00:00:00Z"),
        "type",
        "must be one of trial, subscription, perpetual");
  }

  @Test
  void aMalformedExpiryIsRefusedNamingTheField() {
    expectInvalid(
        body("subscription", 5, "31/01/2027"),
        "expiresAt",
        "must be an RFC 3339 date-time like 2027-01-31T00:00:00Z");
  }

  @Test
  void anExpiryBeyondTheYear9999IsRefusedNamingTheField() {
    expectInvalid(
        body("subscription", 5, "+999999999-01-31T00:00:00Z"),
        "expiresAt",
        "must lie between 1970-01-01 and 9999-12-31");
  }

  @Test
  void fractionalSeatsAreRefusedRatherThanRoundedDown() {
    expectInvalid(
        """
        {"type":"subscription","seats":1.5,"expiresAt":"2027-01-31T00:00:00Z"}""",
        "seats",
        "must be of type integer");
  }

  @Test
  void seatsWrittenAsAStringAreRefused() {
    expectInvalid(
        """
        {"type":"subscription","seats":"10","expiresAt":"2027-01-31T00:00:00Z"}""",
        "seats",
        "must be of type integer");
  }

  @Test
  void aPerpetualLicenseWithAnEndDateIsRefused() {
    expectInvalid(
        body("perpetual", 5, "2027-01-31T00:00:00Z"),
        "expiresAt",
        "must be absent for a perpetual license");
  }

  @Test
  void graceCannotBeSetByHandBecauseTheDatesDecideIt() {
    expectInvalid(
        """
        {"type":"subscription","seats":5,"expiresAt":"2027-01-31T00:00:00Z","status":"grace"}""",
        "status",
        LicenseRequests.SETTABLE_STATUS_RULE);
  }

  @Test
  void anUnknownTenantHasNoLicense() {
    api(token)
        .get(LICENSE.formatted("nobody"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void listFiltersByStatusTypePlanAndExpiryWindowAndPages() {
    fixture.createTenant(token, "gratis", "free");
    fixture.createTenant(token, "trying", "starter");
    fixture.createTenant(token, "bigco", "enterprise");
    api(token)
        .body(body("subscription", 100, "2026-01-01T00:00:00Z"))
        .put(LICENSE.formatted("bigco"))
        .then()
        .statusCode(200)
        .body("status", equalTo("expired"));

    list("expiringWithinDays=31")
        .body("items.tenant", contains("trying"))
        .body("total", equalTo(1));
    list("type=perpetual").body("items.tenant", contains("gratis"));
    list("plan=enterprise").body("items.tenant", contains("bigco"));
    list("status=active").body("items.tenant", contains("trying", "gratis"));
    list("status=expired").body("items.tenant", contains("bigco"));
    list("size=2&page=1").body("items", hasSize(1)).body("total", equalTo(3));
  }

  @Test
  void anUnknownStatusFilterIsRefusedNamingTheParameter() {
    api(token)
        .get("/api/v1/platform/licenses?status=lapsed")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"));
  }

  private ValidatableResponse list(String query) {
    return api(token).get("/api/v1/platform/licenses?" + query).then().statusCode(200);
  }

  private void expectInvalid(String body, String field, String message) {
    fixture.createTenant(token, "acme", "starter");
    long before = platform.count("license_history");

    api(token)
        .body(body)
        .put(LICENSE.formatted("acme"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo(field))
        .body("errors[0].rule", equalTo(message));
    assertThat(platform.count("license_history")).isEqualTo(before);
  }
}
