package io.tenantry.controlplane.rollouts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An action racing another write to the Rollout, on the mock API server: the action's patch carries
 * the resource version it was decided on, the server refuses it when the Rollout changed since, and
 * the action is decided again on what the Rollout is now. The race is made certain by answering the
 * action's read, once, with the Rollout as it was before the other write.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class RolloutConcurrencyTest {

  private static final String PATH = "/apis/tenantry.io/v1alpha1/rollouts/to-2";

  @KubernetesTestServer KubernetesServer server;
  @Inject KubernetesClient client;
  @Inject TestPlatform platform;
  @Inject RolloutFixtures fixtures;

  @BeforeEach
  void reset() {
    fixtures.reset();
    fixtures.release("app-2-0-0", "2.0.0", true);
    fixtures.rollout("to-2", "app-2-0-0");
  }

  private RequestSpecification as(Role role) {
    return given().auth().oauth2(platform.tokenFor(role));
  }

  /** The action's next read of the Rollout answers {@code stale}, as if it read just before. */
  private void nextReadAnswers(Rollout stale) {
    server.expect().get().withPath(PATH).andReturn(200, stale).once();
  }

  private void sreWithKubectl(String specPatch) {
    client
        .resources(Rollout.class)
        .withName("to-2")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":" + specPatch + "}");
  }

  @Test
  void aPauseDecidedBeforeAnotherSresPauseIsRefusedNotAppliedTwice() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    Rollout before = fixtures.live("to-2");
    sreWithKubectl("{\"paused\":true}");
    nextReadAnswers(before);

    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/to-2/pause")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/rollout-action-refused"))
        .body("detail", containsString("already paused"));
    assertThat(AuditEntry.count("action", "rollout.pause")).isZero();
  }

  @Test
  void anAbortDecidedBeforeAnotherSresResumeStillAbortsAndKeepsTheResume() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    sreWithKubectl("{\"paused\":true}");
    Rollout before = fixtures.live("to-2");
    sreWithKubectl("{\"paused\":false}");
    nextReadAnswers(before);

    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/to-2/abort")
        .then()
        .statusCode(200)
        .body("rollout.aborted", equalTo(true))
        .body("rollout.paused", equalTo(false));

    Rollout live = fixtures.live("to-2");
    assertThat(live.getSpec().isAborted()).isTrue();
    assertThat(live.getSpec().isPaused()).isFalse();
    assertThat(AuditEntry.count("action", "rollout.abort")).isEqualTo(1);
  }

  @Test
  void aResumeRacingTheOperatorsStatusWriteLandsAndLeavesTheStatusAsWritten() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    sreWithKubectl("{\"paused\":true}");
    Rollout before = fixtures.live("to-2");
    fixtures.status("to-2", RolloutFixtures.waitingForPromotion());
    nextReadAnswers(before);

    as(Role.OWNER).post("/api/v1/platform/rollouts/to-2/resume").then().statusCode(200);

    Rollout live = fixtures.live("to-2");
    assertThat(live.getSpec().isPaused()).isFalse();
    assertThat(live.getStatus().phase).isEqualTo(RolloutPhase.WaitingForPromotion);
    assertThat(live.getStatus().currentWave).isEqualTo(1);
    assertThat(live.getStatus().progress).isEqualTo("2/3");
    assertThat(AuditEntry.find("action", "rollout.resume").<AuditEntry>singleResult().payload)
        .contains("\"phase\":\"WaitingForPromotion\"");
  }

  @Test
  void aRolloutThatKeepsChangingIsA409ProblemAndNothingIsAudited() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    server
        .expect()
        .patch()
        .withPath(PATH)
        .andReturn(
            409,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(409)
                .withReason("Conflict")
                .withMessage("the object has been modified; please apply your changes")
                .build())
        .times(RolloutService.ATTEMPTS);

    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/to-2/pause")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/rollout-changed"))
        .body("detail", containsString("kept changing"));

    assertThat(fixtures.live("to-2").getSpec().isPaused()).isFalse();
    assertThat(AuditEntry.count("action", "rollout.pause")).isZero();
  }
}
