package io.tenantry.crds.v1alpha1;

/** Where a rollout is, in one word. */
public enum RolloutPhase {
  Pending,
  Progressing,
  Paused,
  WaitingForPromotion,
  Halted,
  Aborted,
  Completed;

  /** Nothing more happens in these phases, whatever the spec says. */
  public boolean isTerminal() {
    return this == Halted || this == Aborted || this == Completed;
  }
}
