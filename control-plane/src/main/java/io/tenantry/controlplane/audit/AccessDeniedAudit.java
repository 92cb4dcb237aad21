package io.tenantry.controlplane.audit;

import io.tenantry.controlplane.access.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/** Records every refused change, in a transaction of its own since the request then fails. */
@ApplicationScoped
public class AccessDeniedAudit {

  private final AuditLog audit;

  AccessDeniedAudit(AuditLog audit) {
    this.audit = audit;
  }

  void record(@Observes AccessDenied denied) {
    audit.recordIndependently(
        AuditEvent.failure(
            "access.denied",
            denied.method() + " " + denied.path(),
            Map.of("role", denied.role(), "permission", denied.permission())));
  }
}
