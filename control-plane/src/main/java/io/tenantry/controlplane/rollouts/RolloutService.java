package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.Rollout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rollouts and Releases as the cluster holds them (read through, never copied), and the SRE's four
 * actions: each patches one spec field of the Rollout and is audited with the acting user.
 */
@ApplicationScoped
public class RolloutService {

  private static final Pattern RESOURCE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final KubernetesClient client;
  private final AuditLog audit;

  RolloutService(KubernetesClient client, AuditLog audit) {
    this.client = client;
    this.audit = audit;
  }

  /** Every rollout, newest first. */
  public List<RolloutViews.Summary> list() {
    return cluster(
        () ->
            client.resources(Rollout.class).list().getItems().stream()
                .sorted(
                    Comparator.comparing(
                            (Rollout r) -> String.valueOf(r.getMetadata().getCreationTimestamp()))
                        .reversed()
                        .thenComparing(r -> r.getMetadata().getName()))
                .map(RolloutViews::summary)
                .toList());
  }

  public RolloutViews.Detail get(String name) {
    return RolloutViews.detail(find(name));
  }

  /** Every release, by name. */
  public List<RolloutViews.ReleaseView> releases() {
    return cluster(
        () ->
            client.resources(Release.class).list().getItems().stream()
                .sorted(Comparator.comparing(r -> r.getMetadata().getName()))
                .map(RolloutViews::release)
                .toList());
  }

  /**
   * Applies {@code action} (one of {@link RolloutActions}) and audits it in one transaction: the
   * audit entry is written first, so a refused patch rolls it back.
   */
  @Transactional
  public RolloutViews.Detail act(String name, String action) {
    Rollout rollout = find(name);
    if (!RolloutActions.allowed(rollout).contains(action)) {
      throw ProblemException.conflict(
          "rollout-action-refused", RolloutActions.refusal(rollout, action));
    }
    Map<String, Object> patch = new LinkedHashMap<>();
    switch (action) {
      case RolloutActions.PAUSE -> patch.put("paused", true);
      case RolloutActions.RESUME -> patch.put("paused", false);
      case RolloutActions.ABORT -> patch.put("aborted", true);
      case RolloutActions.PROMOTE -> patch.put("promotedThrough", rollout.getStatus().currentWave);
      default -> throw ProblemException.notFound("action " + action);
    }
    Map<String, Object> payload = new LinkedHashMap<>(patch);
    payload.put("release", rollout.getSpec().release);
    payload.put("phase", RolloutActions.phaseOf(rollout).name());
    audit.record(AuditEvent.success("rollout." + action, null, name, payload));
    Rollout patched =
        cluster(
            () ->
                client
                    .resources(Rollout.class)
                    .withName(name)
                    .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization().asJson(Map.of("spec", patch))));
    return RolloutViews.detail(patched);
  }

  private Rollout find(String name) {
    // A name Kubernetes could not hold names no rollout; it never reaches the API server's URL.
    if (name == null || name.length() > 253 || !RESOURCE_NAME.matcher(name).matches()) {
      throw ProblemException.notFound("rollout " + name);
    }
    Rollout rollout = cluster(() -> client.resources(Rollout.class).withName(name).get());
    if (rollout == null) {
      throw ProblemException.notFound("rollout " + name);
    }
    return rollout;
  }

  /** A cluster call; a cluster that does not answer is a 503, a vanished rollout a 404. */
  private static <T> T cluster(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw ProblemException.notFound("rollout");
      }
      throw new ProblemException(
          Problem.of(
              503,
              "cluster-unavailable",
              "Service Unavailable",
              "the Kubernetes API did not answer; try again"));
    }
  }
}
