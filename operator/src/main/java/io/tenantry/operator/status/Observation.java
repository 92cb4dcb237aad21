package io.tenantry.operator.status;

import java.util.List;
import java.util.Map;

/**
 * What one reconcile saw of a tenant's stack, gathered from the informer caches and the workflow
 * result; {@link StatusAggregator} turns it into a status without touching anything.
 *
 * @param problems invalid-spec messages; non-empty means nothing was reconciled
 * @param failures exception per failed dependent name
 */
public record Observation(
    List<String> problems,
    boolean namespaceExists,
    boolean policiesExist,
    boolean databaseExists,
    int availableReplicas,
    boolean ingressExists,
    Map<String, Exception> failures) {

  public static Observation invalid(List<String> problems) {
    return new Observation(problems, false, false, false, 0, false, Map.of());
  }
}
