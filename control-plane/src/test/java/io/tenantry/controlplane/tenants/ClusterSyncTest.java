package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.licensing.LicensingFixture;
import io.tenantry.controlplane.licensing.SignedEntitlements;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Tenant watch keeps following every other tenant whatever one Tenant or the watch does. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ClusterSyncTest {

  private static final Duration CLUSTER = Duration.ofSeconds(20);

  @Inject TestPlatform platform;
  @Inject KubernetesClient client;
  @Inject ClusterSync sync;
  @Inject TenantStore store;
  @Inject LicensingFixture fixture;

  private String token;

  @BeforeEach
  void reset() {
    removeBroken();
    platform.reset();
    token = platform.tokenFor(Role.ADMIN);
  }

  @AfterEach
  void removeBroken() {
    tenants().withName("broken").delete();
  }

  @Test
  void aTenantThePlatformCannotReadIsSkippedAndCountedWhileLaterTenantsAreFollowed() {
    tenants().resource(kubectlTenant("broken", "platinum")).create();
    tenants().resource(kubectlTenant("later", "starter")).create();

    await().atMost(CLUSTER).untilAsserted(() -> adopted("later", "starter"));
    given().auth().oauth2(token).get("/api/v1/platform/tenants/broken").then().statusCode(404);
    given()
        .get("/q/metrics")
        .then()
        .body(containsString("tenantry_tenants_sync_unreadable_total{tenant=\"broken\"}"));
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void aStoppedWatchTakesThePodOutOfReadinessAndIsStartedAgain() {
    await().atMost(CLUSTER).until(sync::watching);
    sync.informer().stop();

    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("checks.find { it.name == 'Tenant watch' }.status", equalTo("DOWN"));

    sync.restartIfStopped();
    await().atMost(CLUSTER).until(sync::watching);
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("Tenant watch"));
    tenants().resource(kubectlTenant("after-restart", "free")).create();
    await().atMost(CLUSTER).untilAsserted(() -> adopted("after-restart", "free"));
  }

  @Test
  void aPlanChangedWithKubectlWinsIsAuditedAndReachesTheSignedEntitlements() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"acme\",\"displayName\":\"Acme\",\"plan\":\"starter\"}")
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);
    fixture.awaitEntitlements("acme", e -> e.signature != null);

    client
        .resources(Tenant.class)
        .withName("acme")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"plan\":\"professional\"}}");

    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/platform/tenants/acme")
                    .then()
                    .body("plan", equalTo("professional")));
    AuditEntry changed = AuditEntry.find("action", "tenant.changed-in-cluster").firstResult();
    assertThat(changed.actor).isEqualTo("cluster");
    assertThat(changed.payload).contains("\"plan\"").contains("professional").contains("starter");
    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () -> {
              var entitlements = fixture.awaitEntitlements("acme", e -> e.signature != null);
              assertThat(
                      SignedEntitlements.verify(entitlements.signature, platform.keys().publicKey())
                          .entitlements())
                  .containsEntry("plan", "professional");
            });
  }

  @Test
  void aStaleClusterEventDoesNotRevertANewerControlPlaneWrite() {
    create("acme"); // plan starter, pushed
    fixture.awaitEntitlements("acme", e -> e.signature != null);
    Tenant stale = client.resources(Tenant.class).withName("acme").get();
    assertThat(stale.getSpec().plan.value()).isEqualTo("starter");

    // the control plane's write, racing the event above that is still on its way
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"plan\":\"professional\"}")
        .patch("/api/v1/platform/tenants/acme")
        .then()
        .statusCode(200);
    await()
        .atMost(CLUSTER)
        .until(
            () ->
                "professional"
                        .equals(
                            client
                                .resources(Tenant.class)
                                .withName("acme")
                                .get()
                                .getSpec()
                                .plan
                                .value())
                    && !(boolean)
                        given()
                            .auth()
                            .oauth2(token)
                            .get("/api/v1/platform/tenants/acme")
                            .then()
                            .extract()
                            .path("push.pending"));
    assertThat(client.resources(Tenant.class).withName("acme").get().getMetadata().getGeneration())
        .isGreaterThan(stale.getMetadata().getGeneration());

    store.mirror(stale); // the old event arrives last

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/tenants/acme")
        .then()
        .body("plan", equalTo("professional"))
        .body("push.pending", equalTo(false));
    assertThat(AuditEntry.count("action", "tenant.changed-in-cluster")).isZero();
  }

  @Test
  void aDeletedTenantsSlugReturnsThroughTheApiAndThroughKubectlAsANewTenant() {
    String first = create("acme");
    delete("acme");

    String second = create("acme");
    assertThat(second).isNotEqualTo(first);
    delete("acme");

    tenants().resource(kubectlTenant("acme", "professional")).create();
    await().atMost(CLUSTER).untilAsserted(() -> adopted("acme", "professional"));
    assertThat(AuditEntry.count("action", "tenant.slug-released")).isEqualTo(2);
  }

  private String create(String slug) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\",\"displayName\":\"Acme\",\"plan\":\"starter\"}")
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);
    await()
        .atMost(CLUSTER)
        .until(() -> client.resources(Tenant.class).withName(slug).get() != null);
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/tenants/" + slug)
        .then()
        .statusCode(200)
        .body("state", equalTo("active"))
        .extract()
        .path("id");
  }

  private void delete(String slug) {
    given().auth().oauth2(token).delete("/api/v1/platform/tenants/" + slug).then().statusCode(202);
    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/platform/tenants/" + slug)
                    .then()
                    .body("state", equalTo("deleted")));
  }

  private void adopted(String slug, String plan) {
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/tenants/" + slug)
        .then()
        .statusCode(200)
        .body("origin", equalTo("cluster"))
        .body("plan", equalTo(plan));
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      tenants() {
    return client.genericKubernetesResources(
        ResourceDefinitionContext.fromResourceType(Tenant.class));
  }

  /** Written as kubectl would: the plan is whatever text the user typed. */
  private static GenericKubernetesResource kubectlTenant(String slug, String plan) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(Tenant.GROUP + "/" + Tenant.VERSION)
        .withKind("Tenant")
        .withNewMetadata()
        .withName(slug)
        .endMetadata()
        .withAdditionalProperties(
            Map.of("spec", Map.of("displayName", slug + " by kubectl", "plan", plan)))
        .build();
  }
}
