package io.tenantry.operator;

import io.tenantry.crds.v1alpha1.TenantStatus;
import io.tenantry.operator.status.StatusAggregator;
import java.util.Map;

/** Some dependents failed; carries the status that says which, for the error status handler. */
class StackNotReconciledException extends RuntimeException {

  private final transient TenantStatus status;

  StackNotReconciledException(TenantStatus status, Map<String, Exception> failures) {
    super(
        "dependents failed: " + String.join(", ", failures.keySet()),
        failures.values().iterator().next());
    this.status = status;
  }

  TenantStatus status() {
    return status;
  }

  /** The reason of the first failing condition, e.g. {@code DatabaseUnreachable}. */
  String reason() {
    return status.conditions.stream()
        .filter(c -> "False".equals(c.getStatus()))
        .map(c -> c.getReason())
        .filter(
            reason ->
                StatusAggregator.DATABASE_UNREACHABLE.equals(reason)
                    || StatusAggregator.RETAINED_DATABASE.equals(reason)
                    || StatusAggregator.RECONCILE_FAILED.equals(reason))
        .findFirst()
        .orElse(StatusAggregator.RECONCILE_FAILED);
  }
}
