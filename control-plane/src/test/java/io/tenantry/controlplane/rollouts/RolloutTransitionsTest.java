package io.tenantry.controlplane.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.controlplane.rollouts.RolloutTransitions.Transition;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which status changes are transitions worth an audit entry, and which are not. */
class RolloutTransitionsTest {

  private static List<String> actions(RolloutStatus before, RolloutStatus after) {
    return RolloutTransitions.between(before, after).stream()
        .map(t -> t.action() + (t.tenant() == null ? "" : " " + t.tenant()))
        .toList();
  }

  @Test
  void aRolloutFirstSeenMidWayReportsWhereItStands() {
    assertThat(actions(null, RolloutFixtures.canaryRunning()))
        .containsExactly("rollout.phase-changed", "rollout.wave-started");
  }

  @Test
  void theSameStatusAgainIsNoTransition() {
    assertThat(actions(RolloutFixtures.canaryRunning(), RolloutFixtures.canaryRunning())).isEmpty();
  }

  @Test
  void aTenantThatFailsWithoutRollbackIsReportedWithItsReason() {
    RolloutStatus failed = RolloutFixtures.canaryRunning();
    failed.waves.get(0).tenants.get(1).state = TenantRolloutState.Failed;
    failed.waves.get(0).tenants.get(1).reason = "Latency";

    List<Transition> transitions =
        RolloutTransitions.between(RolloutFixtures.canaryRunning(), failed);

    assertThat(transitions).hasSize(1);
    assertThat(transitions.get(0).action()).isEqualTo("rollout.tenant-failed");
    assertThat(transitions.get(0).tenant()).isEqualTo("bravo");
    assertThat(transitions.get(0).payload()).containsEntry("reason", "Latency");
  }

  @Test
  void aHaltCarriesTheConditionsReasonAndTheFailedTenants() {
    List<Transition> transitions =
        RolloutTransitions.between(RolloutFixtures.canaryRunning(), RolloutFixtures.canaryHalted());

    assertThat(transitions.get(0).action()).isEqualTo("rollout.halted");
    assertThat(transitions.get(0).payload())
        .containsEntry("reason", "BudgetExceeded")
        .containsEntry("message", "failed tenants: bravo");
  }

  @Test
  void theNextWaveStartingIsReportedOnceAndOnlyAsAStart() {
    RolloutStatus next = RolloutFixtures.waitingForPromotion();
    next.phase = RolloutPhase.Progressing;
    next.waves.get(1).phase = io.tenantry.crds.v1alpha1.WavePhase.Running;

    assertThat(actions(RolloutFixtures.waitingForPromotion(), next))
        .containsExactly("rollout.phase-changed", "rollout.wave-started");
  }
}
