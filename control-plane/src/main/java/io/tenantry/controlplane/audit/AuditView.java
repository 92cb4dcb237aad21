package io.tenantry.controlplane.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** An audit entry as the API shows it. */
public record AuditView(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String outcome,
    String tenant,
    String target,
    String requestId,
    String clientAddress,
    @JsonRawValue String payload,
    String prevHash,
    String hash) {

  static AuditView of(AuditEntry e) {
    return new AuditView(
        e.id,
        e.occurredAt,
        e.actor,
        e.action,
        e.outcome,
        e.tenant,
        e.target,
        e.requestId,
        e.clientAddress,
        e.payload,
        e.prevHash,
        e.hash);
  }
}
