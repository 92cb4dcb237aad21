package io.tenantry.operator.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one reconcile saw of a tenant's stack, gathered from the informer caches and the workflow
 * result; {@link StatusAggregator} turns it into a status without touching anything.
 *
 * @param problems invalid-spec messages; non-empty means nothing was reconciled
 * @param failures exception per failed dependent name
 * @param isolationFailures ids of the isolation checks the stack as read back fails ({@link
 *     io.tenantry.operator.isolation.IsolationChecks}); empty when verified
 * @param appFailure why the app's replica cannot run, as its Deployment reports it ({@code
 *     ReplicaFailure}: an image that cannot be pulled, a missing Secret key, a crash loop)
 */
public record Observation(
    List<String> problems,
    boolean namespaceExists,
    boolean policiesExist,
    boolean databaseExists,
    int availableReplicas,
    boolean ingressExists,
    Map<String, Exception> failures,
    Optional<AppFailure> appFailure,
    List<String> isolationFailures) {

  /** A Deployment's {@code ReplicaFailure} condition: the kubelet's reason and message. */
  public record AppFailure(String reason, String message) {}

  public Observation(
      List<String> problems,
      boolean namespaceExists,
      boolean policiesExist,
      boolean databaseExists,
      int availableReplicas,
      boolean ingressExists,
      Map<String, Exception> failures) {
    this(
        problems,
        namespaceExists,
        policiesExist,
        databaseExists,
        availableReplicas,
        ingressExists,
        failures,
        Optional.empty(),
        List.of());
  }

  public static Observation invalid(List<String> problems) {
    return new Observation(problems, false, false, false, 0, false, Map.of());
  }
}
