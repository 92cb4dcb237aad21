package io.tenantry.controlplane.rollouts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rollout API: what it shows of the cluster, and pause, resume, abort, promote. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class RolloutApiTest {

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

  @Test
  void supportSeesEachRolloutsProgressAndTheReleases() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());

    as(Role.SUPPORT)
        .get("/api/v1/platform/rollouts")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].name", equalTo("to-2"))
        .body("[0].release", equalTo("app-2-0-0"))
        .body("[0].phase", equalTo("Progressing"))
        .body("[0].currentWaveName", equalTo("canary"))
        .body("[0].progress", equalTo("1/3"))
        .body("[0].actions", contains("pause", "abort"));
    as(Role.SUPPORT)
        .get("/api/v1/platform/releases")
        .then()
        .statusCode(200)
        .body("[0].name", equalTo("app-2-0-0"))
        .body("[0].appVersion", equalTo("2.0.0"))
        .body("[0].rollbackSafe", equalTo(true));
  }

  @Test
  void aRolloutShowsEveryWaveWithEachTenantsStateAndReason() {
    fixtures.status("to-2", RolloutFixtures.canaryHalted());

    as(Role.SUPPORT)
        .get("/api/v1/platform/rollouts/to-2")
        .then()
        .statusCode(200)
        .body("rollout.phase", equalTo("Halted"))
        .body("rollout.actions", hasSize(0))
        .body("waves.name", contains("canary", "rest"))
        .body("waves[0].phase", equalTo("Halted"))
        .body("waves[0].tenants.find { it.tenant == 'bravo' }.state", equalTo("RolledBack"))
        .body("waves[0].tenants.find { it.tenant == 'bravo' }.reason", equalTo("ErrorRatio"))
        .body("waves[0].tenants.find { it.tenant == 'bravo' }.fromVersion", equalTo("1.0.0"))
        .body("waves[1].promotion", equalTo("Manual"))
        .body("waves[1].tenants[0].state", equalTo("Pending"))
        .body("conditions[0].reason", equalTo("BudgetExceeded"));
  }

  @Test
  void aRolloutNotYetStartedShowsItsWavesFromTheSpec() {
    as(Role.SUPPORT)
        .get("/api/v1/platform/rollouts/to-2")
        .then()
        .statusCode(200)
        .body("rollout.phase", equalTo("Pending"))
        .body("waves.phase", contains("Pending", "Pending"))
        .body("waves[0].tenants", hasSize(0));
  }

  @Test
  void anUnknownRolloutIsA404ProblemForReadsAndActions() {
    as(Role.SUPPORT)
        .get("/api/v1/platform/rollouts/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("rollout nope"));
    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/nope/pause")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aNameNoRolloutCanHaveIsA404NotAnError() {
    for (String name : new String[] {"Upper_Case", "a..b", "x".repeat(254), "a%2Fb"}) {
      as(Role.ADMIN)
          .urlEncodingEnabled(false)
          .get("/api/v1/platform/rollouts/" + name)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void pausePatchesOnlyPausedAndIsAuditedWithTheActingUser() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    PlatformUser admin = platform.user(Role.ADMIN);

    given()
        .auth()
        .oauth2(platform.token(admin))
        .post("/api/v1/platform/rollouts/to-2/pause")
        .then()
        .statusCode(200)
        .body("rollout.paused", equalTo(true))
        .body("rollout.actions", contains("resume", "abort"));

    Rollout live = fixtures.live("to-2");
    assertThat(live.getSpec().isPaused()).isTrue();
    assertThat(live.getSpec().isAborted()).isFalse();
    assertThat(live.getSpec().promotedThroughIndex()).isEqualTo(-1);
    assertThat(live.getSpec().release).isEqualTo("app-2-0-0");
    AuditEntry entry = AuditEntry.find("action", "rollout.pause").singleResult();
    assertThat(entry.actor).isEqualTo(admin.email);
    assertThat(entry.target).isEqualTo("to-2");
    assertThat(entry.payload).contains("\"paused\":true").contains("\"phase\":\"Progressing\"");
  }

  @Test
  void resumeUnpausesAPausedRollout() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    as(Role.OWNER).post("/api/v1/platform/rollouts/to-2/pause").then().statusCode(200);

    as(Role.OWNER).post("/api/v1/platform/rollouts/to-2/resume").then().statusCode(200);

    assertThat(fixtures.live("to-2").getSpec().isPaused()).isFalse();
    assertThat(AuditEntry.count("action", "rollout.resume")).isEqualTo(1);
  }

  @Test
  void resumingARolloutThatIsNotPausedIsAConflict() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());

    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/to-2/resume")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("not paused"));
    assertThat(AuditEntry.count("action", "rollout.resume")).isZero();
  }

  @Test
  void resumingACompletedRolloutIsAConflictEvenWhenItIsPaused() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    as(Role.ADMIN).post("/api/v1/platform/rollouts/to-2/pause").then().statusCode(200);
    fixtures.status("to-2", RolloutFixtures.completed());

    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/to-2/resume")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("Completed"));
    assertThat(fixtures.live("to-2").getSpec().isPaused()).isTrue();
  }

  @Test
  void promoteApprovesTheWaveWaitingForPromotion() {
    fixtures.status("to-2", RolloutFixtures.waitingForPromotion());

    as(Role.ADMIN)
        .post("/api/v1/platform/rollouts/to-2/promote")
        .then()
        .statusCode(200)
        .body("rollout.promotedThrough", equalTo(1));

    assertThat(fixtures.live("to-2").getSpec().promotedThroughIndex()).isEqualTo(1);
    assertThat(AuditEntry.find("action", "rollout.promote").<AuditEntry>singleResult().payload)
        .contains("\"promotedThrough\":1");
  }

  @Test
  void promotingARolloutThatWaitsForNothingIsAConflict() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());

    as(Role.ADMIN).post("/api/v1/platform/rollouts/to-2/promote").then().statusCode(409);
    assertThat(fixtures.live("to-2").getSpec().promotedThroughIndex()).isEqualTo(-1);
  }

  @Test
  void abortEndsTheRolloutAndASecondAbortIsAConflict() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());

    as(Role.OWNER).post("/api/v1/platform/rollouts/to-2/abort").then().statusCode(200);
    assertThat(fixtures.live("to-2").getSpec().isAborted()).isTrue();

    as(Role.OWNER).post("/api/v1/platform/rollouts/to-2/abort").then().statusCode(409);
    assertThat(AuditEntry.count("action", "rollout.abort")).isEqualTo(1);
  }

  @Test
  void supportIsRefusedAnActionAndTheRolloutIsUntouched() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());

    as(Role.SUPPORT)
        .post("/api/v1/platform/rollouts/to-2/pause")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    assertThat(fixtures.live("to-2").getSpec().isPaused()).isFalse();
    assertThat(AuditEntry.count("action", "rollout.pause")).isZero();
  }
}
