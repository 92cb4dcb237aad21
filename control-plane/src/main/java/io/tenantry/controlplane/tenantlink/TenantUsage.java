package io.tenantry.controlplane.tenantlink;

/** What a tenant app reports at {@code GET /internal/v1/usage}. */
public record TenantUsage(long seatsUsed, long staffUsers, long subscribers) {}
