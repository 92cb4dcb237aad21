package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.api.model.Condition;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.Wave;
import io.tenantry.crds.v1alpha1.WaveStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What the API and the console show of Rollouts and Releases. */
public final class RolloutViews {

  private RolloutViews() {}

  /** One rollout in the list, with the actions that make sense for it now. */
  public record Summary(
      String name,
      String release,
      String phase,
      Integer currentWave,
      String currentWaveName,
      int total,
      int done,
      int failed,
      int rolledBack,
      String progress,
      boolean paused,
      boolean aborted,
      int promotedThrough,
      String createdAt,
      Set<String> actions) {}

  /** One rollout with its waves, each tenant's state and the conditions. */
  public record Detail(Summary rollout, List<WaveView> waves, List<ConditionView> conditions) {}

  public record WaveView(
      int index, String name, String promotion, String phase, List<TenantView> tenants) {

    /** The wave's place counted from 1, for people. */
    public int number() {
      return index + 1;
    }
  }

  public record TenantView(
      String tenant, String state, String fromVersion, String reason, String since) {}

  public record ConditionView(String type, String status, String reason, String message) {}

  public record ReleaseView(
      String name, String appVersion, boolean rollbackSafe, String description, String createdAt) {}

  static Summary summary(Rollout rollout) {
    RolloutSpec spec = rollout.getSpec() == null ? new RolloutSpec() : rollout.getSpec();
    RolloutStatus status = statusOf(rollout);
    int total = orZero(status.total);
    int done = orZero(status.done);
    return new Summary(
        rollout.getMetadata().getName(),
        spec.release,
        RolloutActions.phaseOf(rollout).name(),
        status.currentWave,
        status.currentWaveName,
        total,
        done,
        orZero(status.failed),
        orZero(status.rolledBack),
        status.progress == null ? done + "/" + total : status.progress,
        spec.isPaused(),
        spec.isAborted(),
        spec.promotedThroughIndex(),
        rollout.getMetadata().getCreationTimestamp(),
        RolloutActions.allowed(rollout));
  }

  static Detail detail(Rollout rollout) {
    RolloutSpec spec = rollout.getSpec() == null ? new RolloutSpec() : rollout.getSpec();
    RolloutStatus status = statusOf(rollout);
    List<WaveView> waves = new ArrayList<>();
    for (int i = 0; i < spec.waves.size(); i++) {
      Wave wave = spec.waves.get(i);
      WaveStatus observed = waveStatus(status, wave.name);
      List<TenantView> tenants = new ArrayList<>();
      if (observed != null) {
        for (TenantRolloutStatus t : observed.tenants) {
          tenants.add(
              new TenantView(
                  t.tenant,
                  Objects.toString(t.state, "Pending"),
                  t.fromVersion,
                  t.reason,
                  t.since));
        }
      }
      waves.add(
          new WaveView(
              i,
              wave.name,
              wave.promotedManually() ? "Manual" : "Automatic",
              observed == null || observed.phase == null ? "Pending" : observed.phase.name(),
              tenants));
    }
    List<ConditionView> conditions = new ArrayList<>();
    for (Condition c : status.conditions) {
      conditions.add(new ConditionView(c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
    }
    return new Detail(summary(rollout), waves, conditions);
  }

  static ReleaseView release(Release release) {
    var spec = release.getSpec();
    return new ReleaseView(
        release.getMetadata().getName(),
        spec == null ? null : spec.appVersion,
        spec != null && spec.isRollbackSafe(),
        spec == null ? null : spec.description,
        release.getMetadata().getCreationTimestamp());
  }

  private static WaveStatus waveStatus(RolloutStatus status, String name) {
    return status.waves.stream().filter(w -> name.equals(w.name)).findFirst().orElse(null);
  }

  static RolloutStatus statusOf(Rollout rollout) {
    return rollout.getStatus() == null ? new RolloutStatus() : rollout.getStatus();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
