package io.tenantry.controlplane.tenants;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the Tenant watch is down: the pod would otherwise serve tenants whose state it no
 * longer follows (new ones stay Pending without a URL).
 */
@Readiness
@ApplicationScoped
public class TenantWatchReadiness implements HealthCheck {

  private final ClusterSync sync;

  TenantWatchReadiness(ClusterSync sync) {
    this.sync = sync;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("Tenant watch").status(sync.watching()).build();
  }
}
