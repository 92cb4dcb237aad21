package io.tenantry.controlplane.tenants;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.runtime.StartupEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Writes the platform's intent into Tenant resources after the change committed. A failed write
 * leaves {@code push_pending} set and is retried after that tenant's own back-off ({@link
 * PushBackoff}), so the API never waits on the cluster, never loses a change, and one tenant the
 * cluster refuses holds back no other.
 */
@ApplicationScoped
public class ClusterWriter {

  private static final Logger LOG = Logger.getLogger(ClusterWriter.class);

  private final KubernetesClient client;
  private final TenantStore store;
  private final Instance<SpecContributor> contributors;
  private final PushBackoff backoff;
  private final KubernetesSerialization json;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /** Propagates nothing: the push must not inherit the transaction that just committed. */
  @Inject
  @ManagedExecutorConfig(
      propagated = {},
      cleared = ThreadContext.ALL_REMAINING)
  ManagedExecutor executor;

  ClusterWriter(
      KubernetesClient client,
      TenantStore store,
      Instance<SpecContributor> contributors,
      TenantsConfig config) {
    this.client = client;
    this.store = store;
    this.contributors = contributors;
    this.backoff = new PushBackoff(config.pushInterval(), config.pushBackoffCeiling());
    this.json = client.getKubernetesSerialization();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged event) {
    executor.runAsync(() -> push(event.slug()));
  }

  /**
   * Pending pushes live in the database only, so a restart loses none; it also tries them again at
   * once instead of waiting out a back-off the previous process may have stretched to its ceiling
   * while the API server was unreachable.
   */
  void onStart(@Observes StartupEvent event) {
    resumePending();
  }

  /** What a start runs: every pending push becomes due now. */
  void resumePending() {
    int due = store.resumePending();
    if (due > 0) {
      LOG.infof("%d pending Tenant writes carried over from before the start; retrying now", due);
    }
  }

  /** Each due tenant alone: one the cluster refuses waits out its own back-off, not the others'. */
  @Scheduled(every = "${tenantry.tenants.push-interval}", delayed = "1s")
  void retryPending() {
    store.pendingSlugs(Instant.now()).forEach(slug -> executor.runAsync(() -> push(slug)));
  }

  /** Brings the Tenant resource for {@code slug} in line with the record; safe to repeat. */
  void push(String slug) {
    synchronized (locks.computeIfAbsent(slug, s -> new Object())) {
      TenantRecord tenant = store.find(slug).orElse(null);
      if (tenant == null || !tenant.pushPending) {
        return;
      }
      try {
        Long generation =
            switch (tenant.state) {
              case DELETING -> {
                delete(tenant);
                yield null;
              }
              case ACTIVE, SUSPENDED -> apply(tenant);
              default -> null;
            };
        store.pushed(slug, tenant.updatedAt, generation);
      } catch (KubernetesClientException e) {
        LOG.warnf("could not write Tenant %s yet (%s); will retry", slug, e.getMessage());
        store.pushFailed(slug, reason(e), backoff, Instant.now());
      } catch (RuntimeException e) {
        // not the cluster's answer (say, signing the entitlements failed): the log has the detail
        LOG.errorf(e, "could not prepare the write of Tenant %s; will retry", slug);
        store.pushFailed(slug, "internal: " + e.getClass().getSimpleName(), backoff, Instant.now());
      }
    }
  }

  /** The cluster's own words, without the request it echoes. */
  private static String reason(KubernetesClientException e) {
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    String text = "HTTP " + e.getCode() + ": " + (message == null ? "no detail" : message);
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  /** Creates or patches the Tenant; returns the generation the cluster gave the written spec. */
  private Long apply(TenantRecord tenant) {
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
      return client.resource(fresh).create().getMetadata().getGeneration();
    }
    return resources
        .patch(PatchContext.of(PatchType.JSON), json.asJson(specPatch(tenant, existing)))
        .getMetadata()
        .getGeneration();
  }

  /**
   * JSON Patch {@code add} operations for the fields the platform owns: {@code add} sets a member
   * whether or not the stored object has it, where {@code replace} (what an edit's diff yields)
   * fails on a Tenant written without, say, {@code suspended}. Fields the platform does not own
   * (app version, database) stay as they are.
   */
  private List<Map<String, Object>> specPatch(TenantRecord tenant, Tenant existing) {
    Map<String, Object> spec =
        json.unmarshal(json.asJson(specOf(tenant, new TenantSpec())), new TypeReference<>() {});
    if (existing.getSpec() == null) {
      return List.of(Map.of("op", "add", "path", "/spec", "value", spec));
    }
    List<Map<String, Object>> ops = new ArrayList<>();
    spec.forEach(
        (field, value) -> ops.add(Map.of("op", "add", "path", "/spec/" + field, "value", value)));
    if (tenant.region == null && existing.getSpec().region != null) {
      ops.add(Map.of("op", "remove", "path", "/spec/region"));
    }
    return ops;
  }

  private void delete(TenantRecord tenant) {
    var resource = client.resources(Tenant.class).withName(tenant.slug);
    Tenant existing = resource.get();
    if (existing != null
        && existing.getSpec() != null
        && existing.getSpec().deletionPolicy != DeletionPolicy.valueOf(tenant.deletionPolicy)) {
      // The operator reads the policy from the resource it finalizes; it must be current first.
      resource.patch(
          PatchContext.of(PatchType.JSON),
          json.asJson(
              List.of(
                  Map.of(
                      "op",
                      "add",
                      "path",
                      "/spec/deletionPolicy",
                      "value",
                      tenant.deletionPolicy))));
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
