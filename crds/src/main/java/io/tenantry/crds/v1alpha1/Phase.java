package io.tenantry.crds.v1alpha1;

/** A one-word summary of the tenant's conditions, for humans and list filters. */
public enum Phase {
  Pending,
  Provisioning,
  Ready,
  Suspended,
  Degraded,
  Failed,
  Terminating
}
