package io.tenantry.operator.rollout;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.rollout.RolloutPlanner.Step;
import io.tenantry.operator.rollout.RolloutPlanner.Write;
import io.tenantry.operator.rollout.TenantSignals.Signals;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Moves tenants to a release wave by wave ({@link RolloutPlanner} decides, this class reads the
 * caches and writes). The only Tenant field it writes is {@code spec.rolloutVersion}, by JSON merge
 * patch, and only on a tenant that is not on the release yet. Woken by changes of the Rollout, its
 * Release, any Tenant and any tenant app Deployment, and by timers for soak and update deadlines.
 */
@ControllerConfiguration(name = "rollout")
public class RolloutReconciler implements Reconciler<Rollout> {

  private final OperatorConfig config;
  private final TenantSignals signals;
  private final RolloutMetrics metrics;

  private volatile InformerEventSource<Tenant, Rollout> tenants;
  private volatile InformerEventSource<Deployment, Rollout> apps;
  private volatile InformerEventSource<Release, Rollout> releases;

  RolloutReconciler(OperatorConfig config, TenantSignals signals, RolloutMetrics metrics) {
    this.config = config;
    this.signals = signals;
    this.metrics = metrics;
  }

  @Override
  public List<EventSource<?, Rollout>> prepareEventSources(EventSourceContext<Rollout> context) {
    IndexerResourceCache<Rollout> rollouts = context.getPrimaryCache();
    tenants =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Tenant.class, Rollout.class)
                .withName("rollout-tenants")
                .withSecondaryToPrimaryMapper(tenant -> active(rollouts))
                .build(),
            context);
    apps =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Deployment.class, Rollout.class)
                .withName("rollout-apps")
                .withLabelSelector(TenantNames.MANAGED_SELECTOR)
                .withGenericFilter(d -> TenantNames.APP.equals(d.getMetadata().getName()))
                .withSecondaryToPrimaryMapper(app -> active(rollouts))
                .build(),
            context);
    releases =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Release.class, Rollout.class)
                .withName("rollout-releases")
                .withSecondaryToPrimaryMapper(
                    release ->
                        rollouts
                            .list(r -> release.getMetadata().getName().equals(r.getSpec().release))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    return List.of(tenants, apps, releases);
  }

  /**
   * Rollouts that may still act: a tenant or app change can matter only to them (a halted one still
   * settles the tenants it had in flight).
   */
  private static Set<ResourceID> active(IndexerResourceCache<Rollout> rollouts) {
    return rollouts
        .list(
            r ->
                r.getStatus() == null
                    || r.getStatus().phase != RolloutPhase.Completed
                        && r.getStatus().phase != RolloutPhase.Aborted)
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  @Override
  public UpdateControl<Rollout> reconcile(Rollout rollout, Context<Rollout> context) {
    Optional<Release> release = releases.get(new ResourceID(rollout.getSpec().release));
    Step step =
        new RolloutPlanner(
                rollout,
                release,
                new CachedFleet(context.getClient(), readSignalsOfSoakingTenants(rollout)),
                Instant.now(),
                config.rollout().updateTimeout(),
                config.rollout().recheckInterval())
            .step();
    // Tenants first: a crash before the status write leaves them on the target, which the next
    // step recognizes; the other order could leave a tenant marked Updating that never moved.
    step.writes().forEach(write -> apply(context.getClient(), write));
    step.finished().forEach(metrics::finished);
    RolloutPhase before = rollout.getStatus() == null ? null : rollout.getStatus().phase;
    metrics.phase(rollout.getMetadata().getName(), before, step.status().phase);

    UpdateControl<Rollout> control =
        unchanged(rollout, step)
            ? UpdateControl.noUpdate()
            : UpdateControl.patchStatus(withStatus(rollout, step));
    return step.requeue().map(d -> control.rescheduleAfter(d)).orElse(control);
  }

  /**
   * Reads the metrics of every soaking tenant at once, each on a virtual thread: one that cannot be
   * reached costs its timeout once per step, not once per tenant in a row.
   */
  private Map<String, Optional<Signals>> readSignalsOfSoakingTenants(Rollout rollout) {
    if (rollout.getStatus() == null) {
      return Map.of();
    }
    List<String> soaking =
        rollout.getStatus().waves.stream()
            .flatMap(w -> w.tenants.stream())
            .filter(t -> t.state == TenantRolloutState.Soaking)
            .map(t -> t.tenant)
            .toList();
    if (soaking.isEmpty()) {
      return Map.of();
    }
    Map<String, Future<Optional<Signals>>> reads = new HashMap<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      soaking.forEach(tenant -> reads.put(tenant, threads.submit(() -> signals.read(tenant))));
    }
    Map<String, Optional<Signals>> read = new HashMap<>();
    reads.forEach(
        (tenant, future) ->
            read.put(
                tenant,
                future.state() == Future.State.SUCCESS ? future.resultNow() : Optional.empty()));
    return read;
  }

  private static void apply(KubernetesClient client, Write write) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("rolloutVersion", write.version());
    client
        .resources(Tenant.class)
        .withName(write.tenant())
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", spec)));
  }

  private static boolean unchanged(Rollout rollout, Step step) {
    return rollout.getStatus() != null
        && Objects.equals(
            Serialization.jsonMapper().valueToTree(rollout.getStatus()),
            Serialization.jsonMapper().valueToTree(step.status()));
  }

  /** A minimal Rollout carrying only what the status patch needs. */
  private static Rollout withStatus(Rollout rollout, Step step) {
    Rollout patch = new Rollout();
    patch.getMetadata().setName(rollout.getMetadata().getName());
    patch.setStatus(step.status());
    return patch;
  }

  /** The planner's view of the fleet, read from this controller's informer caches. */
  private final class CachedFleet implements RolloutPlanner.Fleet {

    private final KubernetesClient client;
    private final Map<String, Optional<Signals>> read;

    CachedFleet(KubernetesClient client, Map<String, Optional<Signals>> read) {
      this.client = client;
      this.read = read;
    }

    @Override
    public Collection<Tenant> tenants() {
      return tenants.list(t -> true).toList();
    }

    /**
     * From the cache; a miss is asked of the API server once, because the planner takes an absent
     * tenant for a deleted one (and skips it for good) while a freshly started operator's cache may
     * not hold every tenant yet.
     */
    @Override
    public Optional<Tenant> tenant(String name) {
      return tenants
          .get(new ResourceID(name))
          .or(() -> Optional.ofNullable(client.resources(Tenant.class).withName(name).get()));
    }

    @Override
    public Optional<Deployment> app(String tenant) {
      return apps.get(new ResourceID(TenantNames.APP, "tenant-" + tenant));
    }

    @Override
    public Optional<Signals> signals(String tenant) {
      Optional<Signals> known = read.get(tenant);
      return known != null ? known : signals.read(tenant);
    }

    @Override
    public String defaultVersion() {
      return config.app().defaultTag();
    }
  }
}
