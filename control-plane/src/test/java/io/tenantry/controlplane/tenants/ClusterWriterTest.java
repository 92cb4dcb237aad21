package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes to the cluster: one refused tenant waits alone, and no write assumes a stored field. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ClusterWriterTest {

  private static final Duration CLUSTER = Duration.ofSeconds(20);

  @Inject TestPlatform platform;
  @Inject KubernetesClient client;
  @KubernetesTestServer KubernetesServer server;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.ADMIN);
  }

  private RequestSpecification api() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  @Test
  void aTenantAppliedWithoutTheSuspendedFieldCanBeSuspendedAndGetsItsEntitlements() {
    client
        .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(Tenant.class))
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(Tenant.GROUP + "/" + Tenant.VERSION)
                .withKind("Tenant")
                .withNewMetadata()
                .withName("bare")
                .endMetadata()
                .withAdditionalProperties(
                    Map.of("spec", Map.of("displayName", "Bare", "plan", "starter")))
                .build())
        .create();
    await()
        .atMost(CLUSTER)
        .untilAsserted(() -> api().get("/api/v1/platform/tenants/bare").then().statusCode(200));

    api().post("/api/v1/platform/tenants/bare/suspend").then().statusCode(200);

    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () -> {
              Tenant written = client.resources(Tenant.class).withName("bare").get();
              assertThat(written.getSpec().isSuspended()).isTrue();
              assertThat(written.getSpec().entitlements).isNotNull();
              assertThat(written.getSpec().entitlements.signature).isNotBlank();
            });
    api().get("/api/v1/platform/tenants/bare").then().body("push.pending", equalTo(false));
  }

  @Test
  void aTenantTheClusterRefusesBacksOffAloneAndTheApiSaysWhy() {
    server
        .expect()
        .get()
        .withPath("/apis/tenantry.io/v1alpha1/tenants/refused")
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("tenants.tenantry.io \"refused\" is forbidden")
                .build())
        .always();

    api().body(body("refused")).post("/api/v1/platform/tenants").then().statusCode(202);
    api().body(body("fine")).post("/api/v1/platform/tenants").then().statusCode(202);

    await()
        .atMost(CLUSTER)
        .until(() -> client.resources(Tenant.class).withName("fine").get() != null);
    api().get("/api/v1/platform/tenants/fine").then().body("push.pending", equalTo(false));
    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/platform/tenants/refused")
                    .then()
                    .body("push.pending", equalTo(true))
                    .body("push.failures", greaterThanOrEqualTo(1))
                    .body(
                        "push.lastError",
                        equalTo("HTTP 403: tenants.tenantry.io \"refused\" is forbidden"))
                    .body("push.nextAttemptAt", notNullValue()));
  }

  private static String body(String slug) {
    return """
        {"slug":"%s","displayName":"%s Ltd","plan":"starter","region":"eu-west-1"}"""
        .formatted(slug, slug);
  }
}
