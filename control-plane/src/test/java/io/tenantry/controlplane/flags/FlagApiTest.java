package io.tenantry.controlplane.flags;

import static io.tenantry.controlplane.licensing.LicensingFixture.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.ValidatableResponse;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.licensing.LicensingFixture;
import io.tenantry.controlplane.licensing.SignedEntitlements;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class FlagApiTest {

  private static final String CACHE_KEY = "tenantry:flags:effective:";

  @Inject TestPlatform platform;
  @Inject LicensingFixture fixture;
  @Inject RedisDataSource redis;

  private String token;

  @BeforeEach
  void reset() {
    fixture.reset();
    redis.execute("FLUSHDB");
    token = platform.tokenFor(Role.ADMIN);
  }

  private ValidatableResponse effective(String slug) {
    return api(token).get("/api/v1/platform/tenants/" + slug + "/flags").then().statusCode(200);
  }

  private ValidatableResponse override(String slug, String key, boolean enabled) {
    return api(token)
        .body("{\"enabled\":" + enabled + "}")
        .put("/api/v1/platform/tenants/" + slug + "/flags/" + key)
        .then();
  }

  private String cached(String slug) {
    return redis.value(String.class).get(CACHE_KEY + slug);
  }

  @Test
  void theCatalogueHoldsTheKeysTheTenantAppGatesOn() {
    api(token)
        .get("/api/v1/platform/flags")
        .then()
        .statusCode(200)
        .body("key", hasItems("invoicing", "support-tickets", "radius-sessions"))
        .body("find { it.key == 'invoicing' }.global", equalTo("unset"));
  }

  @Test
  void thePlansCatalogueListsEveryPlanWithItsSeatsFlagsAndTier() {
    api(token)
        .get("/api/v1/platform/plans")
        .then()
        .statusCode(200)
        .body(
            "name", org.hamcrest.Matchers.contains("free", "starter", "professional", "enterprise"))
        .body("find { it.name == 'professional' }.seatsIncluded", equalTo(25))
        .body(
            "find { it.name == 'starter' }.allowedFlags",
            org.hamcrest.Matchers.contains("invoicing", "support-tickets"))
        .body("find { it.name == 'enterprise' }.resourceTier", equalTo("enterprise"));
  }

  @Test
  void effectiveFlagsFollowThePlan() {
    fixture.createTenant(token, "acme", "starter");

    effective("acme")
        .body("plan", equalTo("starter"))
        .body("flags.find { it.key == 'invoicing' }.enabled", equalTo(true))
        .body("flags.find { it.key == 'invoicing' }.source", equalTo("plan"))
        .body("flags.find { it.key == 'radius-sessions' }.enabled", equalTo(false))
        .body("flags.find { it.key == 'radius-sessions' }.source", equalTo("plan-disallowed"));
  }

  @Test
  void anOverrideTakesEffectAtOnceAndReplacesTheCachedFlags() {
    fixture.createTenant(token, "acme", "starter");
    effective("acme");
    assertThat(cached("acme")).contains("\"key\":\"invoicing\",\"enabled\":true");

    override("acme", "invoicing", false)
        .statusCode(200)
        .body("flags.find { it.key == 'invoicing' }.enabled", equalTo(false));
    assertThat(redis.key().exists(CACHE_KEY + "acme")).isFalse();

    effective("acme")
        .body("flags.find { it.key == 'invoicing' }.enabled", equalTo(false))
        .body("flags.find { it.key == 'invoicing' }.source", equalTo("override"))
        .body("flags.find { it.key == 'invoicing' }.override", equalTo("off"));
    assertThat(cached("acme")).contains("\"key\":\"invoicing\",\"enabled\":false");
    assertThat(platform.count("audit_log WHERE action = 'flag.override.set' AND tenant = 'acme'"))
        .isEqualTo(1);
  }

  @Test
  void clearingAnOverrideFallsBackToThePlan() {
    fixture.createTenant(token, "acme", "starter");
    override("acme", "invoicing", false).statusCode(200);

    api(token)
        .delete("/api/v1/platform/tenants/acme/flags/invoicing")
        .then()
        .statusCode(200)
        .body("flags.find { it.key == 'invoicing' }.source", equalTo("plan"));
  }

  @Test
  void anOverrideCannotTurnOnAFlagThePlanDisallows() {
    fixture.createTenant(token, "acme", "starter");

    override("acme", "radius-sessions", true)
        .statusCode(200)
        .body("flags.find { it.key == 'radius-sessions' }.enabled", equalTo(false))
        .body("flags.find { it.key == 'radius-sessions' }.source", equalTo("plan-disallowed"));
  }

  @Test
  void aGlobalSwitchEvictsEveryTenantsCacheAndReachesEveryTenant() throws Exception {
    fixture.createTenant(token, "acme", "starter");
    fixture.createTenant(token, "bigco", "enterprise");
    effective("acme");
    effective("bigco");

    api(token)
        .body("{\"enabled\":false}")
        .put("/api/v1/platform/flags/support-tickets/global")
        .then()
        .statusCode(200)
        .body("global", equalTo("off"));

    assertThat(redis.key().exists(CACHE_KEY + "acme")).isFalse();
    assertThat(redis.key().exists(CACHE_KEY + "bigco")).isFalse();
    assertThat(platform.count("audit_log WHERE action = 'flag.global.set'")).isEqualTo(1);
    effective("bigco")
        .body("flags.find { it.key == 'support-tickets' }.enabled", equalTo(false))
        .body("flags.find { it.key == 'support-tickets' }.source", equalTo("global"));
    for (String slug : new String[] {"acme", "bigco"}) {
      Entitlements entitlements =
          fixture.awaitEntitlements(
              slug, e -> Boolean.FALSE.equals(e.features.get("support-tickets")));
      assertThat(
              SignedEntitlements.verify(entitlements.signature, platform.keys().publicKey())
                  .entitlements())
          .extractingByKey("features")
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("support-tickets", false);
    }
  }

  @Test
  void aFlagChangeReachesTheSignedEntitlementsOfTheTenant() throws Exception {
    fixture.createTenant(token, "acme", "professional");

    override("acme", "radius-sessions", false).statusCode(200);

    Entitlements entitlements =
        fixture.awaitEntitlements(
            "acme", e -> Boolean.FALSE.equals(e.features.get("radius-sessions")));
    SignedEntitlements signed =
        SignedEntitlements.verify(entitlements.signature, platform.keys().publicKey());
    assertThat(signed.entitlements())
        .extractingByKey("features")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("radius-sessions", false)
        .containsEntry("invoicing", true);
  }

  @Test
  void aPlanChangeThroughTheTenantsApiChangesTheSignedFeatures() throws Exception {
    fixture.createTenant(token, "acme", "starter");
    effective("acme");

    api(token)
        .body("{\"plan\":\"professional\"}")
        .patch("/api/v1/platform/tenants/acme")
        .then()
        .statusCode(200);

    effective("acme").body("flags.find { it.key == 'radius-sessions' }.enabled", equalTo(true));
    Entitlements entitlements =
        fixture.awaitEntitlements(
            "acme", e -> Boolean.TRUE.equals(e.features.get("radius-sessions")));
    assertThat(
            SignedEntitlements.verify(entitlements.signature, platform.keys().publicKey())
                .entitlements())
        .containsEntry("plan", "professional");
  }

  @Test
  void anUnknownFlagKeyIsRefusedNamingTheField() {
    fixture.createTenant(token, "acme", "starter");

    override("acme", "teleportation", true)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("key"))
        .body(
            "errors[0].rule",
            equalTo(
                "must be a flag in the catalogue: invoicing, radius-sessions, support-tickets"));
    assertThat(platform.count("tenant_flag_overrides")).isZero();
  }

  @Test
  void aSettingWithoutAValueIsRefusedNamingTheField() {
    api(token)
        .body("{}")
        .put("/api/v1/platform/flags/invoicing/global")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("enabled"))
        .body("errors[0].rule", equalTo("must be true or false"));
  }
}
