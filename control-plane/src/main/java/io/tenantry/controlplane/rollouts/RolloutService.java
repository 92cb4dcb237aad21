package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.Rollout;
import jakarta.enterprise.context.ApplicationScoped;
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

  /** Reads, decisions and patches before a Rollout that keeps changing is a 409. */
  static final int ATTEMPTS = 3;

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
   * Applies {@code action} (one of {@link RolloutActions}) and audits it. The patch carries the
   * resource version of the Rollout the decision was made on, so the API server refuses it (409) if
   * anyone wrote the Rollout in between: the operator's status, another SRE, kubectl. Then the
   * action is decided again on a fresh read, up to {@link #ATTEMPTS} times: a pause that another
   * SRE's pause beat is refused as already paused instead of landing twice, and a promote never
   * approves a wave other than the one the first read showed.
   */
  public RolloutViews.Detail act(String name, String action) {
    Integer wave = null;
    for (int attempt = 1; ; attempt++) {
      Rollout rollout = find(name);
      if (wave == null) {
        wave = currentWave(rollout);
      } else if (RolloutActions.PROMOTE.equals(action) && !wave.equals(currentWave(rollout))) {
        throw changed(name, "moved on to wave " + rollout.getStatus().currentWaveName);
      }
      try {
        return QuarkusTransaction.requiringNew().call(() -> apply(rollout, action));
      } catch (StaleRollout e) {
        if (attempt == ATTEMPTS) {
          throw changed(name, "kept changing");
        }
      }
    }
  }

  /**
   * One attempt, in its own transaction: the audit entry is written first, so a refused or stale
   * patch rolls it back and only the action that landed is audited.
   */
  private RolloutViews.Detail apply(Rollout rollout, String action) {
    String name = rollout.getMetadata().getName();
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
    // Only the action's spec field and the version it was decided on: a merge patch leaves every
    // other field, the operator's status above all, as the API server holds it.
    String body =
        client
            .getKubernetesSerialization()
            .asJson(
                Map.of(
                    "metadata",
                    Map.of("resourceVersion", rollout.getMetadata().getResourceVersion()),
                    "spec",
                    patch));
    Rollout patched;
    try {
      patched =
          client
              .resources(Rollout.class)
              .withName(name)
              .patch(PatchContext.of(PatchType.JSON_MERGE), body);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new StaleRollout();
      }
      throw cluster(e);
    }
    return RolloutViews.detail(patched);
  }

  private static Integer currentWave(Rollout rollout) {
    return rollout.getStatus() == null ? null : rollout.getStatus().currentWave;
  }

  private static ProblemException changed(String name, String how) {
    return ProblemException.conflict(
        "rollout-changed",
        "rollout " + name + " " + how + " while the action was applied; look at it again");
  }

  /** The API server refused a patch: the Rollout changed since it was read. */
  private static final class StaleRollout extends RuntimeException {
    StaleRollout() {
      super(null, null, false, false);
    }
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
      throw cluster(e);
    }
  }

  private static ProblemException cluster(KubernetesClientException e) {
    if (e.getCode() == 404) {
      return ProblemException.notFound("rollout");
    }
    return new ProblemException(
        Problem.of(
            503,
            "cluster-unavailable",
            "Service Unavailable",
            "the Kubernetes API did not answer; try again"));
  }
}
