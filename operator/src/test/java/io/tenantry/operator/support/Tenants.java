package io.tenantry.operator.support;

import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import java.util.Locale;
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
}
