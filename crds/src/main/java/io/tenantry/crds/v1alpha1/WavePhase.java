package io.tenantry.crds.v1alpha1;

/** Where one wave of a rollout is. */
public enum WavePhase {
  Pending,
  Running,
  Soaking,
  Succeeded,
  Halted
}
