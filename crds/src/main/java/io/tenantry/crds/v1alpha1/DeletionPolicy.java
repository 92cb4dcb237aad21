package io.tenantry.crds.v1alpha1;

/** What happens to data that lives outside the cluster (the tenant database) on deletion. */
public enum DeletionPolicy {
  /** Keep the database and its role; an operator can restore or re-attach it later. */
  Retain,
  /** Drop the database and its role together with the Tenant. */
  Delete
}
