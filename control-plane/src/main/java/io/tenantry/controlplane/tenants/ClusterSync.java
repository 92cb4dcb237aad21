package io.tenantry.controlplane.tenants;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Watches Tenant resources and mirrors them into the platform database: status, Tenants created
 * with kubectl (adopted), and Tenants deleted behind the platform's back.
 *
 * <p>The watch reads Tenants as generic objects and converts each one alone: a Tenant the platform
 * cannot read (an unknown plan, say) is counted, logged and skipped, and never stops the watch for
 * the others. A watch that stops anyway shows in readiness ({@link TenantWatchReadiness}) and is
 * started again by {@link #restartIfStopped()}.
 */
@ApplicationScoped
public class ClusterSync {

  static final String UNREADABLE = "tenantry.tenants.sync.unreadable";
  private static final Logger LOG = Logger.getLogger(ClusterSync.class);

  private final KubernetesClient client;
  private final TenantStore store;
  private final TenantsConfig config;
  private final MeterRegistry metrics;
  private volatile SharedIndexInformer<GenericKubernetesResource> informer;
  private volatile boolean shuttingDown;

  ClusterSync(
      KubernetesClient client, TenantStore store, TenantsConfig config, MeterRegistry metrics) {
    this.client = client;
    this.store = store;
    this.config = config;
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent event) {
    startWatch();
  }

  void stop(@Observes ShutdownEvent event) {
    shuttingDown = true;
    if (informer != null) {
      informer.close();
    }
  }

  /** True while the watch runs and has listed the Tenants at least once. */
  public boolean watching() {
    SharedIndexInformer<GenericKubernetesResource> current = informer;
    return current != null && current.isRunning() && current.isWatching();
  }

  /** The running watch; package-private so a test can stop it as a failure would. */
  SharedIndexInformer<GenericKubernetesResource> informer() {
    return informer;
  }

  @Scheduled(every = "${tenantry.tenants.watch-check-interval}", delayed = "10s")
  void restartIfStopped() {
    SharedIndexInformer<GenericKubernetesResource> current = informer;
    if (!shuttingDown && current != null && !current.isRunning()) {
      LOG.warn("the Tenant watch has stopped; starting it again");
      current.close();
      startWatch();
    }
  }

  private synchronized void startWatch() {
    SharedIndexInformer<GenericKubernetesResource> started =
        client
            .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(Tenant.class))
            .runnableInformer(config.informerResync().toMillis())
            .addEventHandler(new Handler())
            .exceptionHandler(
                (running, failure) -> {
                  LOG.warnf("Tenant watch failed (%s); retrying", failure.getMessage());
                  return true;
                });
    informer = started;
    started
        .start()
        .thenRun(
            () -> {
              Set<String> present =
                  started.getStore().list().stream()
                      .map(t -> t.getMetadata().getName())
                      .collect(Collectors.toSet());
              store.reconcileMissing(present);
            });
  }

  /** The typed Tenant, or null when it cannot be read; then counted and logged once per event. */
  private Tenant typed(GenericKubernetesResource resource) {
    try {
      return client.getKubernetesSerialization().convertValue(resource, Tenant.class);
    } catch (RuntimeException e) {
      String name = resource.getMetadata().getName();
      Counter.builder(UNREADABLE)
          .description("Tenant resources the control plane could not read and skipped")
          .tag("tenant", name)
          .register(metrics)
          .increment();
      LOG.errorf("skipped Tenant %s: it cannot be read (%s)", name, rootMessage(e));
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource resource) {
      mirror(resource);
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource resource) {
      mirror(resource);
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
      String name = resource.getMetadata().getName();
      safely(name, () -> store.markGone(name));
    }

    private void mirror(GenericKubernetesResource resource) {
      Tenant tenant = typed(resource);
      if (tenant != null) {
        safely(resource.getMetadata().getName(), () -> store.mirror(tenant));
      }
    }

    /** A failure here must not stop the informer; the next resync tries again. */
    private void safely(String name, Runnable action) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.errorf(e, "could not mirror Tenant %s", name);
      }
    }
  }
}
