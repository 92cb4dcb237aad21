package io.tenantry.controlplane.tenants;

/** Fired inside the transaction that changed a tenant; observed after it commits. */
public record TenantChanged(String slug) {}
