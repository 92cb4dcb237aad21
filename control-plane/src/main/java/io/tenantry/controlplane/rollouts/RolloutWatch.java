package io.tenantry.controlplane.rollouts;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.crds.v1alpha1.Rollout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Watches Rollouts and hands each status the cluster shows to {@link RolloutJournal}. Reads them as
 * generic objects and converts each one alone, so one Rollout the platform cannot read is logged
 * and skipped without stopping the watch for the others (as the Tenant watch does).
 */
@ApplicationScoped
public class RolloutWatch {

  private static final Logger LOG = Logger.getLogger(RolloutWatch.class);
  private static final Duration RESYNC = Duration.ofMinutes(10);

  private final KubernetesClient client;
  private final RolloutJournal journal;
  private volatile SharedIndexInformer<GenericKubernetesResource> informer;

  RolloutWatch(KubernetesClient client, RolloutJournal journal) {
    this.client = client;
    this.journal = journal;
  }

  void start(@Observes StartupEvent event) {
    informer =
        client
            .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(Rollout.class))
            .runnableInformer(RESYNC.toMillis())
            .addEventHandler(new Handler())
            .exceptionHandler(
                (running, failure) -> {
                  LOG.warnf("Rollout watch failed (%s); retrying", failure.getMessage());
                  return true;
                });
    informer.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (informer != null) {
      informer.close();
    }
  }

  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource resource) {
      observe(resource);
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource resource) {
      observe(resource);
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
      safely(resource, () -> journal.forget(resource.getMetadata().getName()));
    }

    private void observe(GenericKubernetesResource resource) {
      safely(
          resource,
          () ->
              journal.observe(
                  client.getKubernetesSerialization().convertValue(resource, Rollout.class)));
    }

    /** A failure here must not stop the informer; the next event or resync tries again. */
    private void safely(GenericKubernetesResource resource, Runnable action) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.errorf(
            "could not record Rollout %s: %s", resource.getMetadata().getName(), e.getMessage());
      }
    }
  }
}
