/**
 * The control plane's link to tenant apps (contracts.md, "Tenant app internal API").
 *
 * <ul>
 *   <li>{@link io.tenantry.controlplane.tenantlink.ServiceTokens} mints platform → tenant service
 *       tokens: signed by the platform key (ES256; RS256 while the stored key is RSA), {@code aud
 *       tenant:<slug>}, {@code scope}, 60 s.
 *   <li>{@link io.tenantry.controlplane.tenantlink.TenantEndpoints} says where a tenant app is:
 *       first a stored override ({@code PUT /api/v1/platform/tenant-endpoints/<slug>} with {@code
 *       {"internalUrl": "http://127.0.0.1:8081"}}, permission {@code platform:tenants:write};
 *       {@code DELETE} removes it), then {@code tenantry.tenant-link.endpoints.<slug>=<url>} in
 *       config, else {@code tenantry.tenant-link.url-template} (default {@code
 *       http://tenant-app.tenant-{slug}.svc.cluster.local}, the Service the operator creates).
 *       Overrides are for local runs and tests, where tenant apps are not behind that Service.
 *   <li>{@link io.tenantry.controlplane.tenantlink.TenantLinkClient} calls {@code search} and
 *       {@code usage} without blocking (the Vert.x HTTP client; idle connections kept {@code
 *       tenantry.tenant-link.idle-connection-timeout}, 5 min); failures arrive as {@link
 *       io.tenantry.controlplane.tenantlink.TenantLinkException} (timeout, or error with a short
 *       reason safe to show).
 * </ul>
 */
package io.tenantry.controlplane.tenantlink;
