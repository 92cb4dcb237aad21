package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault test: changes made while the API server is unreachable wait in the database, and a control
 * plane started again delivers them all, without waiting out the back-off the failures built up.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class PushRestartTest {

  private static final Duration CLUSTER = Duration.ofSeconds(20);

  @Inject TestPlatform platform;
  @Inject KubernetesClient client;
  @Inject ClusterWriter writer;
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
  void pushesPendingWhileTheApiServerWasDownAreDeliveredAfterARestart() {
    List<String> slugs = List.of("acme", "globex");
    // While the outage lasts, the API server answers each new Tenant's lookup with 503; then with
    // 404, as it would for a Tenant never created, and the create goes to the collection.
    AtomicBoolean outage = new AtomicBoolean(true);
    slugs.forEach(slug -> unreachableWhile(outage, slug));

    for (String slug : slugs) {
      api()
          .body(
              "{\"slug\":\"%s\",\"displayName\":\"%s\",\"plan\":\"starter\"}".formatted(slug, slug))
          .post("/api/v1/platform/tenants")
          .then()
          .statusCode(202);
    }
    for (String slug : slugs) {
      await()
          .atMost(CLUSTER)
          .untilAsserted(
              () ->
                  api()
                      .get("/api/v1/platform/tenants/" + slug)
                      .then()
                      .body("push.pending", equalTo(true))
                      .body("push.failures", greaterThanOrEqualTo(1)));
    }
    // the process that kept failing before it stopped left its back-off far out
    platform.sql(
        "UPDATE tenants SET push_next_attempt_at = now() + interval '1 hour' WHERE push_pending");
    outage.set(false);

    writer.resumePending(); // what the start of a control plane runs (StartupEvent)

    await()
        .atMost(CLUSTER)
        .untilAsserted(
            () ->
                assertThat(
                        client.resources(Tenant.class).list().getItems().stream()
                            .map(t -> t.getMetadata().getName()))
                    .containsExactlyInAnyOrderElementsOf(slugs));
    for (String slug : slugs) {
      await()
          .atMost(CLUSTER)
          .untilAsserted(
              () ->
                  api()
                      .get("/api/v1/platform/tenants/" + slug)
                      .then()
                      .body("push.pending", equalTo(false)));
    }
  }

  private void unreachableWhile(AtomicBoolean outage, String slug) {
    server
        .expect()
        .get()
        .withPath("/apis/tenantry.io/v1alpha1/tenants/" + slug)
        .andReply(
            new ResponseProvider<Object>() {
              private Headers headers = new Headers.Builder().build();

              @Override
              public int getStatusCode(RecordedRequest request) {
                return outage.get() ? 503 : 404;
              }

              @Override
              public Object getBody(RecordedRequest request) {
                int code = getStatusCode(request);
                return new StatusBuilder()
                    .withStatus("Failure")
                    .withCode(code)
                    .withReason(code == 503 ? "ServiceUnavailable" : "NotFound")
                    .build();
              }

              @Override
              public Headers getHeaders() {
                return headers;
              }

              @Override
              public void setHeaders(Headers headers) {
                this.headers = headers;
              }
            })
        .always();
  }
}
