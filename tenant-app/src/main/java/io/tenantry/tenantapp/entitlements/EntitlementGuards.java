package io.tenantry.tenantapp.entitlements;

import io.tenantry.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces the entitlements on every request: feature-gated resources ({@link RequiresFeature})
 * answer 403 while their flag is off, and every write under {@code /api} answers 403 while the
 * license makes the tenant read-only. Signing in stays possible so staff can still read.
 */
public class EntitlementGuards {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String AUTH = "/api/v1/auth/";

  private final EntitlementsStore store;
  private final Clock clock;

  EntitlementGuards(EntitlementsStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @ServerRequestFilter
  public Optional<Response> requireFeature(ResourceInfo resource) {
    RequiresFeature gate = resource.getResourceMethod().getAnnotation(RequiresFeature.class);
    if (gate == null) {
      gate = resource.getResourceClass().getAnnotation(RequiresFeature.class);
    }
    Entitlements entitlements = store.current();
    if (gate == null || entitlements.allows(gate.value())) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
                403,
                "feature-disabled",
                "Feature not available",
                "feature '%s' is not enabled for this tenant on plan '%s'"
                    .formatted(gate.value(), entitlements.plan()))
            .with("feature", gate.value())
            .with("plan", entitlements.plan())
            .toResponse());
  }

  @ServerRequestFilter
  public Optional<Response> refuseWritesWhenReadOnly(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getPath();
    if (READS.contains(request.getMethod()) || !path.startsWith("/api/") || path.startsWith(AUTH)) {
      return Optional.empty();
    }
    Entitlements entitlements = store.current();
    return entitlements
        .readOnlyAt(clock.instant())
        .map(state -> readOnly(state, entitlements).toResponse());
  }

  private static Problem readOnly(LicenseStatus state, Entitlements entitlements) {
    String detail =
        entitlements.licenseStatus().blocksWrites()
            ? "the license is %s; the tenant is read-only".formatted(state)
            : "the license expired at %s and its grace period ended at %s; the tenant is read-only"
                .formatted(entitlements.expiresAt(), entitlements.graceEndsAt());
    return Problem.of(403, "read-only", "Tenant is read-only", detail)
        .with("licenseStatus", state.toString())
        .with("plan", entitlements.plan());
  }
}
