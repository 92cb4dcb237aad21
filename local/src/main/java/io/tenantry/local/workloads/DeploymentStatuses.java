package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The status a Deployment controller would write for the local replica: counts, {@code Available}
 * and {@code Progressing}, and, while the replica cannot run, a {@code ReplicaFailure} condition
 * with the kubelet's reason ({@code ErrImagePull}, {@code CrashLoopBackOff} …) so that it shows in
 * {@code kubectl describe} and in the Tenant's conditions.
 */
final class DeploymentStatuses {

  static final String REPLICA_FAILURE = "ReplicaFailure";

  private DeploymentStatuses() {}

  /** {@code pod} is null when no replica is wanted. */
  static DeploymentStatus of(Deployment deployment, LocalPod pod, Instant now) {
    int replicas = pod == null ? 0 : 1;
    int ready = pod != null && pod.ready ? 1 : 0;
    List<DeploymentCondition> conditions = new ArrayList<>();
    boolean available = ready == replicas;
    conditions.add(
        condition(
            deployment,
            "Available",
            available,
            available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available
                ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.",
            now));
    conditions.add(
        condition(
            deployment,
            "Progressing",
            true,
            available ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
            available
                ? "ReplicaSet \""
                    + deployment.getMetadata().getName()
                    + "\" has successfully progressed."
                : "ReplicaSet \"" + deployment.getMetadata().getName() + "\" is progressing.",
            now));
    if (pod != null && !pod.ready && pod.waitingReason != null) {
      conditions.add(
          condition(deployment, REPLICA_FAILURE, true, pod.waitingReason, pod.waitingMessage, now));
    }
    return new DeploymentStatusBuilder()
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withReplicas(replicas)
        .withUpdatedReplicas(replicas)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .withUnavailableReplicas(replicas - ready)
        .withConditions(conditions)
        .build();
  }

  /** True when {@code next} says nothing {@code current} does not already (times aside). */
  static boolean same(DeploymentStatus current, DeploymentStatus next) {
    if (current == null) {
      return false;
    }
    return Objects.equals(current.getObservedGeneration(), next.getObservedGeneration())
        && Objects.equals(current.getReplicas(), next.getReplicas())
        && Objects.equals(current.getReadyReplicas(), next.getReadyReplicas())
        && Objects.equals(current.getAvailableReplicas(), next.getAvailableReplicas())
        && summary(current).equals(summary(next));
  }

  private static List<String> summary(DeploymentStatus status) {
    return status.getConditions().stream()
        .map(c -> c.getType() + c.getStatus() + c.getReason() + c.getMessage())
        .toList();
  }

  /** Keeps the previous transition time while the condition's status stays the same. */
  private static DeploymentCondition condition(
      Deployment deployment, String type, boolean ok, String reason, String message, Instant now) {
    String status = ok ? "True" : "False";
    String since =
        deployment.getStatus() == null
            ? null
            : deployment.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
                .map(DeploymentCondition::getLastTransitionTime)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastUpdateTime(time)
        .withLastTransitionTime(since == null ? time : since)
        .build();
  }
}
