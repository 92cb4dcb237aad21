package io.tenantry.controlplane.tenants;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Writes the platform's intent into Tenant resources after the change committed. A failed write
 * leaves {@code push_pending} set and is retried on the next tick, so the API never waits on the
 * cluster and never loses a change.
 */
@ApplicationScoped
public class ClusterWriter {

  private static final Logger LOG = Logger.getLogger(ClusterWriter.class);

  private final KubernetesClient client;
  private final TenantStore store;
  private final Instance<SpecContributor> contributors;

  /** Propagates nothing: the push must not inherit the transaction that just committed. */
  @Inject
  @ManagedExecutorConfig(
      propagated = {},
      cleared = ThreadContext.ALL_REMAINING)
  ManagedExecutor executor;

  ClusterWriter(
      KubernetesClient client, TenantStore store, Instance<SpecContributor> contributors) {
    this.client = client;
    this.store = store;
    this.contributors = contributors;
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged event) {
    executor.runAsync(() -> push(event.slug()));
  }

  @Scheduled(every = "${tenantry.tenants.push-interval}", delayed = "1s")
  void retryPending() {
    store.pendingSlugs().forEach(this::push);
  }

  /** Brings the Tenant resource for {@code slug} in line with the record; safe to repeat. */
  synchronized void push(String slug) {
    TenantRecord tenant = store.find(slug).orElse(null);
    if (tenant == null || !tenant.pushPending) {
      return;
    }
    try {
      switch (tenant.state) {
        case DELETING -> delete(tenant);
        case ACTIVE, SUSPENDED -> apply(tenant);
        default -> {}
      }
      store.pushed(slug, tenant.updatedAt);
    } catch (KubernetesClientException e) {
      LOG.warnf("could not write Tenant %s yet (%s); will retry", slug, e.getMessage());
    }
  }

  private void apply(TenantRecord tenant) {
    var resources = client.resources(Tenant.class).withName(tenant.slug);
    Tenant existing = resources.get();
    if (existing == null) {
      Tenant fresh = new Tenant();
      fresh.setMetadata(
          new ObjectMetaBuilder()
              .withName(tenant.slug)
              .addToLabels("app.kubernetes.io/part-of", "tenantry")
              .addToLabels("app.kubernetes.io/managed-by", "tenantry-control-plane")
              .build());
      fresh.setSpec(specOf(tenant, new TenantSpec()));
      client.resource(fresh).create();
    } else {
      resources.edit(
          current -> {
            current.setSpec(
                specOf(tenant, current.getSpec() == null ? new TenantSpec() : current.getSpec()));
            return current;
          });
    }
  }

  private void delete(TenantRecord tenant) {
    var resource = client.resources(Tenant.class).withName(tenant.slug);
    Tenant existing = resource.get();
    if (existing != null
        && existing.getSpec() != null
        && existing.getSpec().deletionPolicy != DeletionPolicy.valueOf(tenant.deletionPolicy)) {
      // The operator reads the policy from the resource it finalizes; it must be current first.
      resource.edit(
          current -> {
            current.getSpec().deletionPolicy = DeletionPolicy.valueOf(tenant.deletionPolicy);
            return current;
          });
    }
    List<?> deleted = resource.delete();
    if (deleted.isEmpty()) {
      store.markGone(tenant.slug);
    }
  }

  /** Sets what the platform owns and keeps what it does not (app version). */
  private TenantSpec specOf(TenantRecord tenant, TenantSpec spec) {
    spec.displayName = tenant.displayName;
    spec.plan = Plan.fromValue(tenant.plan);
    spec.region = tenant.region;
    spec.suspended = tenant.state == LifecycleState.SUSPENDED;
    spec.deletionPolicy = DeletionPolicy.valueOf(tenant.deletionPolicy);
    contributors.forEach(contributor -> contributor.contribute(tenant, spec));
    return spec;
  }
}
