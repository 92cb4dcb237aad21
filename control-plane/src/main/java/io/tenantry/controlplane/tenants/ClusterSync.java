package io.tenantry.controlplane.tenants;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Watches Tenant resources and mirrors them into the platform database: status, Tenants created
 * with kubectl (adopted), and Tenants deleted behind the platform's back.
 */
@ApplicationScoped
public class ClusterSync {

  private static final Logger LOG = Logger.getLogger(ClusterSync.class);

  private final KubernetesClient client;
  private final TenantStore store;
  private final TenantsConfig config;
  private SharedIndexInformer<Tenant> informer;

  ClusterSync(KubernetesClient client, TenantStore store, TenantsConfig config) {
    this.client = client;
    this.store = store;
    this.config = config;
  }

  void start(@Observes StartupEvent event) {
    informer =
        client
            .resources(Tenant.class)
            .runnableInformer(config.informerResync().toMillis())
            .addEventHandler(new Handler())
            .exceptionHandler(
                (started, failure) -> {
                  LOG.warnf("Tenant watch failed (%s); retrying", failure.getMessage());
                  return true;
                });
    informer
        .start()
        .thenRun(
            () -> {
              Set<String> present =
                  informer.getStore().list().stream()
                      .map(t -> t.getMetadata().getName())
                      .collect(Collectors.toSet());
              store.reconcileMissing(present);
            });
  }

  void stop(@Observes ShutdownEvent event) {
    if (informer != null) {
      informer.close();
    }
  }

  private final class Handler implements ResourceEventHandler<Tenant> {
    @Override
    public void onAdd(Tenant tenant) {
      safely(tenant, () -> store.mirror(tenant));
    }

    @Override
    public void onUpdate(Tenant previous, Tenant tenant) {
      safely(tenant, () -> store.mirror(tenant));
    }

    @Override
    public void onDelete(Tenant tenant, boolean finalStateUnknown) {
      safely(tenant, () -> store.markGone(tenant.getMetadata().getName()));
    }

    /** A failure here must not stop the informer; the next resync tries again. */
    private void safely(Tenant tenant, Runnable action) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.errorf(e, "could not mirror Tenant %s", tenant.getMetadata().getName());
      }
    }
  }
}
