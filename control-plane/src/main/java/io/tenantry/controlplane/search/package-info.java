/**
 * Cross-tenant search: {@code POST /api/v1/platform/search} ({@code platform:search:read}) asks
 * every Ready, unsuspended tenant (or those named) at once through {@link
 * io.tenantry.controlplane.tenantlink.TenantLinkClient}, bounded by {@code tenantry.search.*}
 * (concurrency, per-tenant timeout, overall deadline), and merges the hits. {@link
 * io.tenantry.controlplane.search.SearchTokens} signs each searchable tenant's service token ahead
 * of use ({@code tenantry.search.token-refresh-interval}), so a search signs none. Metrics: {@code
 * tenantry.search.fanout} (timer with histogram), {@code tenantry.search.tenant.errors} and {@code
 * tenantry.search.tenant.timeouts} (tag {@code tenant}). Every search is audited as {@code
 * platform.search}.
 */
package io.tenantry.controlplane.search;
