package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.ReleaseSpec;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.Wave;
import io.tenantry.crds.v1alpha1.WavePhase;
import io.tenantry.crds.v1alpha1.WaveStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Rollouts and Releases in the mock API server, with statuses written as the operator writes them
 * (the operator itself does not run here).
 */
@ApplicationScoped
public class RolloutFixtures {

  private final KubernetesClient client;
  private final TestPlatform platform;

  RolloutFixtures(KubernetesClient client, TestPlatform platform) {
    this.client = client;
    this.platform = platform;
  }

  /** No Rollout, no Release, nothing recorded of either; then the platform's own reset. */
  public void reset() {
    client.resources(Rollout.class).delete();
    client.resources(Release.class).delete();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.resources(Rollout.class).list().getItems().isEmpty());
    // The watch may still be recording the deleted rollouts: let it finish before the tables go.
    Awaitility.await()
        .pollDelay(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(10))
        .until(() -> platform.count("rollout_observations") == 0);
    platform.reset();
  }

  public Release release(String name, String appVersion, boolean rollbackSafe) {
    Release release = new Release();
    release.setMetadata(new ObjectMetaBuilder().withName(name).build());
    release.setSpec(new ReleaseSpec());
    release.getSpec().appVersion = appVersion;
    release.getSpec().rollbackSafe = rollbackSafe;
    release.getSpec().description = "Release " + appVersion;
    return client.resource(release).create();
  }

  /** A rollout of {@code release}: an Automatic canary wave, then a Manual wave for the rest. */
  public Rollout rollout(String name, String release) {
    Rollout rollout = new Rollout();
    rollout.setMetadata(new ObjectMetaBuilder().withName(name).build());
    rollout.setSpec(new RolloutSpec());
    rollout.getSpec().release = release;
    rollout.getSpec().waves =
        List.of(wave("canary", Wave.Promotion.Automatic), wave("rest", Wave.Promotion.Manual));
    return client.resource(rollout).create();
  }

  /** Writes {@code status} as the operator would. */
  public Rollout status(String name, RolloutStatus status) {
    Rollout live = client.resources(Rollout.class).withName(name).get();
    live.setStatus(status);
    return client.resource(live).updateStatus();
  }

  public Rollout live(String name) {
    return client.resources(Rollout.class).withName(name).get();
  }

  /** The canary wave running: alpha succeeded, bravo updating; the rest pending. */
  public static RolloutStatus canaryRunning() {
    RolloutStatus status = new RolloutStatus();
    status.phase = RolloutPhase.Progressing;
    status.currentWave = 0;
    status.currentWaveName = "canary";
    status.total = 3;
    status.done = 1;
    status.failed = 0;
    status.rolledBack = 0;
    status.progress = "1/3";
    status.waves =
        List.of(
            wave(
                "canary",
                WavePhase.Running,
                tenant("alpha", TenantRolloutState.Succeeded, null),
                tenant("bravo", TenantRolloutState.Updating, null)),
            wave("rest", WavePhase.Pending, tenant("charlie", TenantRolloutState.Pending, null)));
    return status;
  }

  /** bravo failed its health gate and was rolled back; the budget of 0 halts the rollout. */
  public static RolloutStatus canaryHalted() {
    RolloutStatus status = canaryRunning();
    status.phase = RolloutPhase.Halted;
    status.done = 2;
    status.failed = 1;
    status.rolledBack = 1;
    status.progress = "2/3";
    status.waves =
        List.of(
            wave(
                "canary",
                WavePhase.Halted,
                tenant("alpha", TenantRolloutState.Succeeded, null),
                tenant("bravo", TenantRolloutState.RolledBack, "ErrorRatio")),
            status.waves.get(1));
    status.conditions =
        List.of(
            new ConditionBuilder()
                .withType("Halted")
                .withStatus("True")
                .withReason("BudgetExceeded")
                .withMessage("failed tenants: bravo")
                .withLastTransitionTime("2026-12-07T03:00:00Z")
                .build());
    return status;
  }

  /** The canary wave succeeded; the Manual wave waits for an SRE. */
  public static RolloutStatus waitingForPromotion() {
    RolloutStatus status = canaryRunning();
    status.phase = RolloutPhase.WaitingForPromotion;
    status.currentWave = 1;
    status.currentWaveName = "rest";
    status.done = 2;
    status.progress = "2/3";
    status.waves =
        List.of(
            wave(
                "canary",
                WavePhase.Succeeded,
                tenant("alpha", TenantRolloutState.Succeeded, null),
                tenant("bravo", TenantRolloutState.Succeeded, null)),
            status.waves.get(1));
    return status;
  }

  public static RolloutStatus completed() {
    RolloutStatus status = waitingForPromotion();
    status.phase = RolloutPhase.Completed;
    status.done = 3;
    status.progress = "3/3";
    return status;
  }

  private static Wave wave(String name, Wave.Promotion promotion) {
    Wave wave = new Wave();
    wave.name = name;
    wave.promotion = promotion;
    return wave;
  }

  private static WaveStatus wave(String name, WavePhase phase, TenantRolloutStatus... tenants) {
    WaveStatus wave = new WaveStatus();
    wave.name = name;
    wave.phase = phase;
    wave.tenants = List.of(tenants);
    return wave;
  }

  private static TenantRolloutStatus tenant(String name, TenantRolloutState state, String reason) {
    TenantRolloutStatus tenant = new TenantRolloutStatus();
    tenant.tenant = name;
    tenant.state = state;
    tenant.reason = reason;
    tenant.fromVersion = "1.0.0";
    tenant.since = "2026-12-07T02:50:00Z";
    return tenant;
  }
}
