package io.tenantry.controlplane.tenantlink;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.controlplane.tenants.LifecycleState;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.tenants.TenantStore;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import io.tenantry.crds.v1alpha1.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * Tenants as the cluster reports them: a {@code Tenant} resource in the (mock) API server that the
 * control plane's informer adopts, with the phase the operator would have set.
 */
@ApplicationScoped
public class TenantFixtures {

  private final KubernetesClient client;
  private final TenantStore store;

  TenantFixtures(KubernetesClient client, TenantStore store) {
    this.client = client;
    this.store = store;
  }

  /** A tenant in {@code phase}, suspended or not, once the platform has mirrored it. */
  public void tenant(String slug, Phase phase, boolean suspended) {
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(slug).build());
    TenantSpec spec = new TenantSpec();
    spec.displayName = "Tenant " + slug;
    spec.plan = Plan.values()[0];
    spec.suspended = suspended;
    tenant.setSpec(spec);
    client.resource(tenant).create();
    Tenant live = client.resources(Tenant.class).withName(slug).get();
    live.setStatus(new TenantStatus());
    live.getStatus().phase = phase;
    client.resource(live).updateStatus();
    LifecycleState expected = suspended ? LifecycleState.SUSPENDED : LifecycleState.ACTIVE;
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                store
                    .find(slug)
                    .filter(t -> phase.name().equals(t.phase) && t.state == expected)
                    .isPresent());
  }

  public void ready(String slug) {
    tenant(slug, Phase.Ready, false);
  }

  public TenantRecord record(String slug) {
    return store.find(slug).orElseThrow();
  }

  /** A local port nothing listens on (bound, then released). */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
