package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.rollouts.RolloutTransitions.Transition;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records what changed in a Rollout since it was last recorded: one audit entry per transition
 * (actor {@code rollout:<name>}) and the metric {@code tenantry_rollout_transitions_total{phase}}.
 * Every replica watches; the row lock and the resource version make the first one to see a status
 * record it, and the others, or a restarted one, find nothing new.
 */
@ApplicationScoped
public class RolloutJournal {

  static final String TRANSITIONS = "tenantry.rollout.transitions";

  private final EntityManager em;
  private final AuditLog audit;
  private final KubernetesClient client;
  private final MeterRegistry metrics;

  RolloutJournal(EntityManager em, AuditLog audit, KubernetesClient client, MeterRegistry metrics) {
    this.em = em;
    this.audit = audit;
    this.client = client;
    this.metrics = metrics;
  }

  /** Audits the transitions from the last recorded status to this one; returns how many. */
  @Transactional
  public int observe(Rollout rollout) {
    String name = rollout.getMetadata().getName();
    String uid = rollout.getMetadata().getUid();
    long version = resourceVersion(rollout);
    em.createNativeQuery(
            "INSERT INTO rollout_observations (name, uid, resource_version, status)"
                + " VALUES (?1, ?2, -1, '{}') ON CONFLICT (name) DO NOTHING")
        .setParameter(1, name)
        .setParameter(2, uid)
        .executeUpdate();
    RolloutObservation last =
        em.find(RolloutObservation.class, name, LockModeType.PESSIMISTIC_WRITE);
    boolean sameObject = uid.equals(last.uid);
    if (sameObject && version <= last.resourceVersion) {
      return 0;
    }
    RolloutStatus before =
        sameObject
            ? client.getKubernetesSerialization().unmarshal(last.status, RolloutStatus.class)
            : null;
    RolloutStatus after = RolloutViews.statusOf(rollout);
    List<Transition> transitions = RolloutTransitions.between(before, after);
    String phase = RolloutActions.phaseOf(rollout).name();
    for (Transition transition : transitions) {
      audit.recordAs(
          "rollout:" + name,
          AuditEvent.success(transition.action(), transition.tenant(), name, transition.payload()));
      Counter.builder(TRANSITIONS)
          .description("Rollout status transitions the control plane audited")
          .tag("phase", phase)
          .register(metrics)
          .increment();
    }
    last.uid = uid;
    last.resourceVersion = version;
    last.status = client.getKubernetesSerialization().asJson(after);
    return transitions.size();
  }

  /** Forgets a deleted rollout, so that a new one of the same name starts afresh. */
  @Transactional
  public void forget(String name) {
    RolloutObservation.deleteById(name);
  }

  /**
   * The API server's resource versions are opaque strings, but every server in use (etcd's
   * revision) writes increasing integers; one that does not is treated as always newer.
   */
  private static long resourceVersion(Rollout rollout) {
    try {
      return Long.parseLong(rollout.getMetadata().getResourceVersion());
    } catch (RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }
}
