package io.tenantry.controlplane.rollouts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every status transition of a Rollout is audited once, by rollout:<name>, and counted. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class RolloutWatchTest {

  private static final Duration WATCH = Duration.ofSeconds(15);

  @Inject TestPlatform platform;
  @Inject RolloutFixtures fixtures;
  @Inject RolloutJournal journal;

  @BeforeEach
  void reset() {
    fixtures.reset();
    fixtures.release("app-2-0-0", "2.0.0", false);
    fixtures.rollout("to-2", "app-2-0-0");
  }

  private static List<String> actions() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AuditEntry.<AuditEntry>list("actor = ?1 order by id", "rollout:to-2").stream()
                    .map(e -> e.action + (e.tenant == null ? "" : " " + e.tenant))
                    .toList());
  }

  @Test
  void aStartedWaveAndThenAHaltAreAuditedAsTheyHappen() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    await()
        .atMost(WATCH)
        .untilAsserted(
            () -> assertThat(actions()).contains("rollout.phase-changed", "rollout.wave-started"));

    double haltedBefore = haltedTransitions();
    fixtures.status("to-2", RolloutFixtures.canaryHalted());
    await()
        .atMost(WATCH)
        .untilAsserted(
            () ->
                assertThat(actions())
                    .containsExactly(
                        "rollout.phase-changed",
                        "rollout.wave-started",
                        "rollout.halted",
                        "rollout.wave-finished",
                        "rollout.tenant-rolled-back bravo"));
    AuditEntry halted =
        QuarkusTransaction.requiringNew()
            .call(() -> AuditEntry.find("action", "rollout.halted").singleResult());
    assertThat(halted.payload)
        .contains("\"reason\":\"BudgetExceeded\"")
        .contains("failed tenants: bravo")
        .contains("\"from\":\"Progressing\"");
    assertThat(haltedTransitions()).isEqualTo(haltedBefore + 3);
  }

  /** tenantry_rollout_transitions_total{phase="Halted"}, as Prometheus scrapes it. */
  private static double haltedTransitions() {
    String line = "tenantry_rollout_transitions_total{phase=\"Halted\"} ";
    return given()
        .get("/q/metrics")
        .then()
        .extract()
        .asString()
        .lines()
        .filter(l -> l.startsWith(line))
        .mapToDouble(l -> Double.parseDouble(l.substring(line.length())))
        .findFirst()
        .orElse(0);
  }

  @Test
  void aChangeThatIsNoTransitionIsNotAudited() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    await().atMost(WATCH).untilAsserted(() -> assertThat(actions()).hasSize(2));

    given()
        .auth()
        .oauth2(platform.tokenFor(Role.ADMIN))
        .post("/api/v1/platform/rollouts/to-2/pause")
        .then()
        .statusCode(200);
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    fixtures.status("to-2", RolloutFixtures.waitingForPromotion());

    await()
        .atMost(WATCH)
        .untilAsserted(
            () ->
                assertThat(actions())
                    .containsExactly(
                        "rollout.phase-changed",
                        "rollout.wave-started",
                        "rollout.phase-changed",
                        "rollout.wave-finished"));
  }

  @Test
  void aStatusAlreadyRecordedIsNotRecordedAgainByAnotherReplicaOrAfterARestart() {
    Rollout running = fixtures.status("to-2", RolloutFixtures.canaryRunning());
    await().atMost(WATCH).untilAsserted(() -> assertThat(actions()).hasSize(2));

    // What a second replica's watch, or this one's after a restart, hands the journal.
    assertThat(journal.observe(running)).isZero();
    assertThat(journal.observe(fixtures.live("to-2"))).isZero();
    assertThat(actions()).hasSize(2);
  }
}
