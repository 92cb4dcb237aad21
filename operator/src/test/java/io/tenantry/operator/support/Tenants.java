package io.tenantry.operator.support;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Tenants for tests, each with a fresh slug so tests never see each other's stacks. */
public final class Tenants {

  private Tenants() {}

  public static String freshSlug(String prefix) {
    return prefix
        + "-"
        + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
            .toLowerCase(Locale.ROOT);
  }

  public static Tenant tenant(String slug, Plan plan) {
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(slug);
    TenantSpec spec = new TenantSpec();
    spec.displayName = "Tenant " + slug;
    spec.plan = plan;
    spec.deletionPolicy = DeletionPolicy.Retain;
    tenant.setSpec(spec);
    return tenant;
  }

  /** A Tenant as the API server would return it: with a generation. */
  public static Tenant stored(String slug, Plan plan) {
    Tenant tenant = tenant(slug, plan);
    tenant.getMetadata().setGeneration(1L);
    tenant.getMetadata().setUid("uid-" + slug);
    return tenant;
  }

  /**
   * Changes spec fields as {@code kubectl patch --type merge} does: without a resourceVersion, so
   * it never loses a race against the operator's own status writes (an edit would, with a 409).
   */
  public static void patchSpec(KubernetesClient client, String slug, Map<String, Object> fields) {
    client
        .resources(Tenant.class)
        .withName(slug)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", fields)));
  }

  /** The stored Tenant's condition of {@code type}, or null while it has none (or no status). */
  public static Condition condition(KubernetesClient client, String slug, String type) {
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    if (stored == null || stored.getStatus() == null) {
      return null;
    }
    return stored.getStatus().conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
