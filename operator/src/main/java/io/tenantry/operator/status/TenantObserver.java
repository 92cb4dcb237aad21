package io.tenantry.operator.status;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.database.CnpgCluster;
import io.tenantry.operator.database.TenantDatabase;
import io.tenantry.operator.isolation.IsolationChecks;
import io.tenantry.operator.isolation.Stack;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.workflow.Dependents;
import io.tenantry.operator.workflow.Secondaries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what exists of a tenant's stack from the informer caches, never from the API server. */
@ApplicationScoped
public class TenantObserver {

  private final OperatorConfig config;

  TenantObserver(OperatorConfig config) {
    this.config = config;
  }

  /** What exists now, given the dependents that failed in this reconcile (by name). */
  public Observation observe(
      Tenant tenant, Context<Tenant> context, Map<String, Exception> failures) {
    Optional<Deployment> app = context.getSecondaryResource(Deployment.class);
    return new Observation(
        List.of(),
        context.getSecondaryResource(Namespace.class).isPresent(),
        policiesExist(context),
        !failures.containsKey(Dependents.DATABASE) && databaseExists(context),
        app.map(Deployment::getStatus).map(DeploymentStatus::getAvailableReplicas).orElse(0),
        context.getSecondaryResource(Ingress.class).isPresent(),
        failures,
        app.flatMap(TenantObserver::replicaFailure),
        IsolationChecks.failing(stack(tenant, context, failures.containsKey(Dependents.DATABASE))));
  }

  /**
   * The stack as the informer caches hold it: what the API server last reported. A database step
   * that failed in this reconcile is not read again (reading it needs the same admin session that
   * just failed, and DatabaseReady already says why); its ACL is checked on the next reconcile.
   */
  private Stack stack(Tenant tenant, Context<Tenant> context, boolean databaseFailed) {
    Optional<Boolean> databaseIsolated =
        config.database().cloudNativePg() || databaseFailed
            ? Optional.empty()
            : context.getSecondaryResource(TenantDatabase.class).map(TenantDatabase::isolated);
    return new Stack(
        tenant.slug(),
        context.getSecondaryResource(Namespace.class),
        context.getSecondaryResource(ServiceAccount.class),
        context.getSecondaryResource(Deployment.class),
        context.getSecondaryResource(ResourceQuota.class),
        context.getSecondaryResourcesAsStream(NetworkPolicy.class).toList(),
        config.network().clusterCidrs(),
        databaseIsolated);
  }

  /** The Deployment's {@code ReplicaFailure} condition while it is true. */
  static Optional<Observation.AppFailure> replicaFailure(Deployment deployment) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return deployment.getStatus().getConditions().stream()
        .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .map(c -> new Observation.AppFailure(c.getReason(), c.getMessage()));
  }

  private boolean policiesExist(Context<Tenant> context) {
    List<String> names =
        new ArrayList<>(
            List.of(
                TenantNames.DEFAULT_DENY_POLICY,
                TenantNames.SAME_NAMESPACE_POLICY,
                TenantNames.APP_INGRESS_POLICY,
                TenantNames.EGRESS_POLICY));
    if (config.database().cloudNativePg()) {
      names.add(TenantNames.CNPG_POLICY);
    }
    return names.stream()
        .allMatch(name -> Secondaries.named(context, NetworkPolicy.class, name).isPresent());
  }

  // On a cache miss the polling event source asks the server again: not after it just failed.
  private boolean databaseExists(Context<Tenant> context) {
    Optional<?> database =
        config.database().cloudNativePg()
            ? context.getSecondaryResource(CnpgCluster.class)
            : context.getSecondaryResource(TenantDatabase.class);
    return database.isPresent();
  }
}
