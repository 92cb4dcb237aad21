package io.tenantry.operator.rollout;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.app.AppDeployment;
import io.tenantry.operator.app.AppVersions;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * What the tenant controller and the Deployment controller would do with a Tenant, on the mock API
 * server: the app Deployment is written from the operator's own {@link AppDeployment#build}
 * whenever the effective version changes, and its status then reports what the test says this
 * tenant does on this version: becomes available, or crash loops (pods never ready, progress
 * deadline exceeded).
 */
final class FleetSimulator implements AutoCloseable {

  /** How a tenant's app behaves on a version. */
  enum Health {
    HEALTHY,
    CRASH_LOOP
  }

  private final KubernetesClient client;
  private final OperatorConfig config;
  // One thread per stripe: a tenant's events stay in order, different tenants go in parallel.
  private final List<ExecutorService> workers;
  private final List<String> templateChanges = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Health> health = new ConcurrentHashMap<>();
  private volatile BiFunction<String, String, Health> behaviour =
      (tenant, version) -> Health.HEALTHY;
  private SharedIndexInformer<Tenant> informer;

  private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();

  FleetSimulator(KubernetesClient client, OperatorConfig config) {
    this(client, config, 1);
  }

  FleetSimulator(KubernetesClient client, OperatorConfig config, int threads) {
    this.client = client;
    this.config = config;
    this.workers =
        java.util.stream.IntStream.range(0, threads)
            .mapToObj(i -> Executors.newSingleThreadExecutor())
            .toList();
  }

  private void submit(Tenant tenant) {
    workers.get(Math.floorMod(tenant.slug().hashCode(), workers.size())).submit(() -> sync(tenant));
  }

  /** When the simulator last saw each tenant's effective version change. */
  Map<String, Instant> changedAt() {
    return changedAt;
  }

  /** When each tenant's app last became available (healthy versions only). */
  Map<String, Instant> readyAt() {
    return readyAt;
  }

  /** Decides, per tenant and version, how the app behaves; healthy everywhere by default. */
  void behave(BiFunction<String, String, Health> behaviour) {
    this.behaviour = behaviour;
  }

  void start() {
    informer =
        client
            .resources(Tenant.class)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Tenant tenant) {
                    submit(tenant);
                  }

                  @Override
                  public void onUpdate(Tenant before, Tenant after) {
                    submit(after);
                  }

                  @Override
                  public void onDelete(Tenant tenant, boolean unknown) {}
                });
  }

  /** Every template change so far, in order, as "tenant@version". */
  List<String> templateChanges() {
    synchronized (templateChanges) {
      return List.copyOf(templateChanges);
    }
  }

  /** The readiness probe of the tenant's app starts failing: no replica is available any more. */
  void failReadiness(String tenant) {
    editStatus(
        tenant,
        d ->
            new DeploymentStatusBuilder()
                .withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(1)
                .withUpdatedReplicas(1)
                .withReadyReplicas(0)
                .withAvailableReplicas(0)
                .withUnavailableReplicas(1)
                .addNewCondition()
                .withType("Available")
                .withStatus("False")
                .withReason("MinimumReplicasUnavailable")
                .withLastUpdateTime(Instant.now().toString())
                .endCondition()
                .build());
  }

  private void sync(Tenant tenant) {
    try {
      String slug = tenant.slug();
      Deployment desired = AppDeployment.build(tenant, config);
      String version = AppVersions.template(desired).orElseThrow();
      Instant seen = Instant.now();
      Deployment current = app(slug);
      if (current != null && AppVersions.template(current).orElse("").equals(version)) {
        return;
      }
      client.resource(desired).createOr(NonDeletingOperation::update);
      templateChanges.add(slug + "@" + version);
      changedAt.put(slug, seen);
      Health outcome = behaviour.apply(slug, version);
      health.put(slug, outcome);
      editStatus(slug, d -> outcome == Health.HEALTHY ? available(d) : crashLooping(d));
      if (outcome == Health.HEALTHY) {
        readyAt.put(slug, Instant.now());
      }
    } catch (RuntimeException e) {
      // A test that deleted the tenant meanwhile; nothing to simulate.
    }
  }

  private Deployment app(String slug) {
    return client
        .apps()
        .deployments()
        .inNamespace("tenant-" + slug)
        .withName(TenantNames.APP)
        .get();
  }

  private void editStatus(
      String slug, java.util.function.Function<Deployment, DeploymentStatus> status) {
    client
        .apps()
        .deployments()
        .inNamespace("tenant-" + slug)
        .withName(TenantNames.APP)
        .editStatus(
            d -> {
              d.setStatus(status.apply(d));
              return d;
            });
  }

  private static DeploymentStatus available(Deployment d) {
    return new DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(1)
        .withUpdatedReplicas(1)
        .withReadyReplicas(1)
        .withAvailableReplicas(1)
        .addNewCondition()
        .withType("Available")
        .withStatus("True")
        .withLastUpdateTime(Instant.now().toString())
        .endCondition()
        .build();
  }

  private static DeploymentStatus crashLooping(Deployment d) {
    return new DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(1)
        .withUpdatedReplicas(1)
        .withReadyReplicas(0)
        .withAvailableReplicas(0)
        .withUnavailableReplicas(1)
        .addNewCondition()
        .withType("Progressing")
        .withStatus("False")
        .withReason("ProgressDeadlineExceeded")
        .withMessage("ReplicaSet tenant-app has timed out progressing.")
        .withLastUpdateTime(Instant.now().toString())
        .endCondition()
        .build();
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    workers.forEach(ExecutorService::shutdownNow);
  }
}
