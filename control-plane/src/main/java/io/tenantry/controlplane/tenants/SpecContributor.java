package io.tenantry.controlplane.tenants;

import io.tenantry.crds.v1alpha1.TenantSpec;

/**
 * Fills in a part of a Tenant's spec that another feature owns (e.g. entitlements), each time
 * {@link ClusterWriter} writes the resource. It runs outside any transaction and may be retried.
 */
public interface SpecContributor {

  void contribute(TenantRecord tenant, TenantSpec spec);
}
