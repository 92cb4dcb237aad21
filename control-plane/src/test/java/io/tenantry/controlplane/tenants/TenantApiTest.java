package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import io.tenantry.crds.v1alpha1.TenantStatus;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class TenantApiTest {

  private static final Duration CLUSTER = Duration.ofSeconds(15);

  @Inject TestPlatform platform;
  @Inject KubernetesClient client;
  @Inject TenantStore store;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.ADMIN);
  }

  private RequestSpecification api() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static String body(String slug) {
    return """
        {"slug":"%s","displayName":"Acme Fiber Ltd","plan":"starter","region":"eu-west-1"}"""
        .formatted(slug);
  }

  private Tenant resource(String slug) {
    return client.resources(Tenant.class).withName(slug).get();
  }

  @Test
  void createAnswers202WithLocationAndWritesTheTenantResource() {
    api()
        .body(body("acme"))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202)
        .header("Location", endsWith("/api/v1/platform/tenants/acme"))
        .body("slug", equalTo("acme"))
        .body("state", equalTo("active"))
        .body("phase", equalTo("Pending"));

    await().atMost(CLUSTER).until(() -> resource("acme") != null);
    Tenant written = resource("acme");
    assertThat(written.getSpec().displayName).isEqualTo("Acme Fiber Ltd");
    assertThat(written.getSpec().plan).isEqualTo(Plan.STARTER);
    assertThat(written.getSpec().region).isEqualTo("eu-west-1");
    assertThat(written.getSpec().isSuspended()).isFalse();
    api()
        .get("/api/v1/platform/tenants/acme")
        .then()
        .statusCode(200)
        .body("origin", equalTo("api"));
  }

  @Test
  void theSameIdempotencyKeyTwiceCreatesOneTenant() {
    for (int attempt = 0; attempt < 2; attempt++) {
      api()
          .header("Idempotency-Key", "create-acme-1")
          .body(body("acme"))
          .post("/api/v1/platform/tenants")
          .then()
          .statusCode(202)
          .header("Location", endsWith("/acme"))
          .header("Idempotent-Replayed", equalTo(String.valueOf(attempt == 1)));
    }
    assertThat(TenantRecord.count()).isEqualTo(1);
    assertThat(AuditEntry.count("action", "tenant.create")).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyReusedForADifferentBodyIsRefused() {
    api().header("Idempotency-Key", "k1").body(body("acme")).post("/api/v1/platform/tenants");
    api()
        .header("Idempotency-Key", "k1")
        .body(body("other"))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    assertThat(TenantRecord.count()).isEqualTo(1);
  }

  @Test
  void aTakenSlugIsAConflict() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    api()
        .body(body("acme"))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("acme"));
  }

  @Test
  void suspendAndResumeFlipTheResourceAndImpossibleTransitionsAre409() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    api()
        .post("/api/v1/platform/tenants/acme/suspend")
        .then()
        .statusCode(200)
        .body("state", equalTo("suspended"));
    await()
        .atMost(CLUSTER)
        .until(() -> resource("acme") != null && resource("acme").getSpec().isSuspended());

    api()
        .post("/api/v1/platform/tenants/acme/suspend")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("acme is suspended"))
        .body("detail", containsString("only possible when it is active"));

    api()
        .post("/api/v1/platform/tenants/acme/resume")
        .then()
        .statusCode(200)
        .body("state", equalTo("active"));
    await().atMost(CLUSTER).until(() -> !resource("acme").getSpec().isSuspended());
    api().post("/api/v1/platform/tenants/acme/resume").then().statusCode(409);
  }

  @Test
  void updateChangesDisplayNamePlanAndRegionInTheResource() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    api()
        .body("{\"displayName\":\"Acme Two\",\"plan\":\"enterprise\",\"region\":\"us-east-2\"}")
        .patch("/api/v1/platform/tenants/acme")
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Acme Two"));
    await()
        .atMost(CLUSTER)
        .until(
            () -> resource("acme") != null && resource("acme").getSpec().plan == Plan.ENTERPRISE);
    assertThat(resource("acme").getSpec().displayName).isEqualTo("Acme Two");
    assertThat(resource("acme").getSpec().region).isEqualTo("us-east-2");
  }

  @Test
  void deleteRemovesTheResourceAndNothingButDeleteIsPossibleWhileDeleting() {
    api()
        .body(
            "{\"slug\":\"acme\",\"displayName\":\"Acme\",\"plan\":\"free\",\"deletionPolicy\":\"Delete\"}")
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);
    await().atMost(CLUSTER).until(() -> resource("acme") != null);
    assertThat(resource("acme").getSpec().deletionPolicy.name()).isEqualTo("Delete");

    api().delete("/api/v1/platform/tenants/acme").then().statusCode(202);
    await().atMost(CLUSTER).until(() -> resource("acme") == null);
    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/platform/tenants/acme")
                    .then()
                    .body("state", equalTo("deleted")));
    api().post("/api/v1/platform/tenants/acme/resume").then().statusCode(409);
  }

  @Test
  void deleteCanSwitchTheDeletionPolicyAndTheResourceCarriesItWhileFinalizing() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    await().atMost(CLUSTER).until(() -> resource("acme") != null);
    // The operator holds a finalizer on every Tenant it provisions.
    client
        .resources(Tenant.class)
        .withName("acme")
        .edit(
            t -> {
              t.getMetadata().getFinalizers().add("tenantry.io/cleanup");
              return t;
            });

    api()
        .delete("/api/v1/platform/tenants/acme?deletionPolicy=Delete")
        .then()
        .statusCode(202)
        .body("state", equalTo("deleting"))
        .body("deletionPolicy", equalTo("Delete"));

    await()
        .atMost(CLUSTER)
        .until(() -> resource("acme").getMetadata().getDeletionTimestamp() != null);
    assertThat(resource("acme").getSpec().deletionPolicy.name()).isEqualTo("Delete");
  }

  @Test
  void anUnknownDeletionPolicyOnDeleteIsRefused() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    api()
        .delete("/api/v1/platform/tenants/acme?deletionPolicy=Shred")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItem("deletionPolicy"));
    api().get("/api/v1/platform/tenants/acme").then().body("state", equalTo("active"));
  }

  @Test
  void aTenantCreatedDirectlyInTheClusterIsAdoptedAndAudited() {
    client.resource(tenant("kubectl-made", Plan.PROFESSIONAL)).create();

    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/platform/tenants/kubectl-made")
                    .then()
                    .statusCode(200)
                    .body("origin", equalTo("cluster"))
                    .body("plan", equalTo("professional")));
    List<AuditEntry> adopted = AuditEntry.list("action", "tenant.adopted");
    assertThat(adopted).hasSize(1);
    assertThat(adopted.get(0).actor).isEqualTo("cluster");
    assertThat(adopted.get(0).tenant).isEqualTo("kubectl-made");
  }

  @Test
  void statusReportedByTheOperatorIsMirrored() {
    client.resource(tenant("mirrored", Plan.FREE)).create();
    await().atMost(CLUSTER).until(() -> store.find("mirrored").isPresent());

    Tenant live = resource("mirrored");
    live.setStatus(new TenantStatus());
    live.getStatus().phase = Phase.Ready;
    live.getStatus().url = "https://mirrored.tenants.example";
    client.resource(live).updateStatus();

    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/platform/tenants/mirrored")
                    .then()
                    .body("phase", equalTo("Ready"))
                    .body("url", equalTo("https://mirrored.tenants.example")));
    api().get("/api/v1/platform/tenants?phase=Ready").then().body("items", hasSize(1));
  }

  @Test
  void aResourceDeletedOutOfBandMarksTheTenantOrphaned() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    await().atMost(CLUSTER).until(() -> store.find("acme").map(t -> !t.pushPending).orElse(false));

    client.resources(Tenant.class).withName("acme").delete();

    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/platform/tenants/acme")
                    .then()
                    .body("state", equalTo("orphaned")));
    assertThat(
            AuditEntry.count("action = ?1 and actor = ?2", "tenant.removed-out-of-band", "cluster"))
        .isEqualTo(1);
  }

  @Test
  void aTenantAppliedAgainstTheCrdsRulesIsNotAdopted() {
    Tenant kubeSystem = tenant("kube-system", Plan.FREE);
    Tenant upperCase = tenant("ACME", Plan.FREE);
    Tenant punycode = tenant("xn--acme", Plan.FREE);
    Tenant unknownPlan = tenant("platinum", null);
    Tenant negativeSeats = tenant("negative-seats", Plan.FREE);
    negativeSeats.getSpec().entitlements = new Entitlements();
    negativeSeats.getSpec().entitlements.seats = -5;
    Tenant nameless = tenant("nameless", Plan.FREE);
    nameless.getSpec().displayName = null;
    List<Tenant> broken =
        List.of(kubeSystem, upperCase, punycode, unknownPlan, negativeSeats, nameless);

    broken.forEach(store::mirror);
    store.mirror(tenant("well-formed", Plan.FREE));

    assertThat(TenantRecord.count("slug in ?1", broken.stream().map(Tenant::slug).toList()))
        .isZero();
    assertThat(TenantRecord.count("slug", "well-formed")).isEqualTo(1);
  }

  @Test
  void slugsReservedByTheCrdAreRefusedWithTheRule() {
    for (String slug : List.of("xn--acme", "kube-acme")) {
      api()
          .body("{\"slug\":\"%s\",\"displayName\":\"X\",\"plan\":\"free\"}".formatted(slug))
          .post("/api/v1/platform/tenants")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", org.hamcrest.Matchers.hasItem("slug"));
    }
    assertThat(TenantRecord.count("slug in ?1", List.of("xn--acme", "kube-acme"))).isZero();
  }

  @Test
  void replayingEveryResourceAfterARestartDuplicatesNothing() {
    client.resource(tenant("steady", Plan.FREE)).create();
    await().atMost(CLUSTER).until(() -> store.find("steady").isPresent());

    store.mirror(resource("steady"));
    store.mirror(resource("steady"));

    assertThat(TenantRecord.count("slug", "steady")).isEqualTo(1);
    assertThat(AuditEntry.count("action", "tenant.adopted")).isEqualTo(1);
  }

  @Test
  void aResourceMissingAtStartupMarksTheTenantOrphanedAndComingBackRestoresIt() {
    api().body(body("acme")).post("/api/v1/platform/tenants").then().statusCode(202);
    await().atMost(CLUSTER).until(() -> store.find("acme").map(t -> !t.pushPending).orElse(false));

    store.reconcileMissing(java.util.Set.of());
    assertThat(store.find("acme").orElseThrow().state).isEqualTo(LifecycleState.ORPHANED);

    store.mirror(resource("acme"));
    assertThat(store.find("acme").orElseThrow().state).isEqualTo(LifecycleState.ACTIVE);
  }

  @Test
  void listFiltersByPlanAndSearchesByNameWithPagination() {
    for (String slug : List.of("alpha-net", "beta-net", "gamma-fiber")) {
      api()
          .body(
              "{\"slug\":\"%s\",\"displayName\":\"%s Ltd\",\"plan\":\"%s\"}"
                  .formatted(
                      slug, slug.toUpperCase(), slug.startsWith("g") ? "enterprise" : "free"))
          .post("/api/v1/platform/tenants")
          .then()
          .statusCode(202);
    }
    api()
        .get("/api/v1/platform/tenants?plan=enterprise")
        .then()
        .body("items.slug", equalTo(List.of("gamma-fiber")));
    api().get("/api/v1/platform/tenants?q=net").then().body("total", equalTo(2));
    api()
        .get("/api/v1/platform/tenants?page=1&size=2")
        .then()
        .body("items.slug", equalTo(List.of("gamma-fiber")))
        .body("total", equalTo(3));
  }

  @Test
  void anUnknownTenantIs404ProblemJson() {
    api()
        .get("/api/v1/platform/tenants/nobody")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  private static Tenant tenant(String slug, Plan plan) {
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(slug).build());
    tenant.setSpec(new TenantSpec());
    tenant.getSpec().displayName = slug + " by kubectl";
    tenant.getSpec().plan = plan;
    return tenant;
  }
}
