package io.tenantry.crds.v1alpha1;

/** Where one tenant of a wave is. */
public enum TenantRolloutState {
  Pending,
  Updating,
  Soaking,
  Succeeded,
  Failed,
  RolledBack,
  Skipped;

  /** The tenant needs nothing more from the rollout. */
  public boolean isFinished() {
    return this == Succeeded || this == Failed || this == RolledBack || this == Skipped;
  }

  /** The tenant counts against the wave's failure budget. */
  public boolean isFailure() {
    return this == Failed || this == RolledBack;
  }
}
