package io.tenantry.controlplane.audit;

import java.util.Map;

/**
 * Something to record. {@code payload} may hold secrets: the audit log redacts them before storing.
 */
public record AuditEvent(
    String action, String outcome, String tenant, String target, Map<String, ?> payload) {

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";

  public static AuditEvent success(String action, String tenant, String target, Map<String, ?> p) {
    return new AuditEvent(action, SUCCESS, tenant, target, p);
  }

  public static AuditEvent failure(String action, String target, Map<String, ?> payload) {
    return new AuditEvent(action, FAILURE, null, target, payload);
  }
}
