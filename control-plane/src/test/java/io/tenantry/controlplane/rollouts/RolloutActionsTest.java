package io.tenantry.controlplane.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.Wave;
import io.tenantry.crds.v1alpha1.WavePhase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which actions make sense for a rollout as it stands (the API's 409s, the console's buttons). */
class RolloutActionsTest {

  private static Rollout rollout(RolloutStatus status) {
    Rollout rollout = new Rollout();
    rollout.setMetadata(new ObjectMetaBuilder().withName("to-2").build());
    rollout.setSpec(new RolloutSpec());
    rollout.getSpec().release = "app-2-0-0";
    Wave canary = new Wave();
    canary.name = "canary";
    Wave rest = new Wave();
    rest.name = "rest";
    rest.promotion = Wave.Promotion.Manual;
    rollout.getSpec().waves = List.of(canary, rest);
    rollout.setStatus(status);
    return rollout;
  }

  @Test
  void aRolloutNotYetStartedMayBePausedOrAborted() {
    assertThat(RolloutActions.allowed(rollout(null))).containsExactly("pause", "abort");
  }

  @Test
  void aWaveWaitingForPromotionMayBePromoted() {
    assertThat(RolloutActions.allowed(rollout(RolloutFixtures.waitingForPromotion())))
        .containsExactly("pause", "promote", "abort");
  }

  @Test
  void aRolloutPausedBeforeItsManualWaveMayBeResumedOrPromoted() {
    Rollout rollout = rollout(RolloutFixtures.waitingForPromotion());
    rollout.getStatus().phase = RolloutPhase.Paused;
    rollout.getSpec().paused = true;

    assertThat(RolloutActions.allowed(rollout)).containsExactly("resume", "promote", "abort");
  }

  @Test
  void anApprovedOrStartedManualWaveIsNotPromotedAgain() {
    Rollout approved = rollout(RolloutFixtures.waitingForPromotion());
    approved.getSpec().promotedThrough = 1;
    Rollout started = rollout(RolloutFixtures.waitingForPromotion());
    started.getStatus().phase = RolloutPhase.Paused;
    started.getStatus().waves.get(1).phase = WavePhase.Running;

    assertThat(RolloutActions.allowed(approved)).doesNotContain("promote");
    assertThat(RolloutActions.allowed(started)).doesNotContain("promote");
  }

  @Test
  void nothingMakesSenseOnceHaltedCompletedOrAborted() {
    Rollout aborted = rollout(RolloutFixtures.canaryRunning());
    aborted.getSpec().aborted = true;

    assertThat(RolloutActions.allowed(rollout(RolloutFixtures.canaryHalted()))).isEmpty();
    assertThat(RolloutActions.allowed(rollout(RolloutFixtures.completed()))).isEmpty();
    assertThat(RolloutActions.allowed(aborted)).isEmpty();
  }
}
