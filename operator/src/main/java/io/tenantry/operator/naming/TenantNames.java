package io.tenantry.operator.naming;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.tenantry.crds.v1alpha1.Tenant;
import java.util.Map;
import java.util.TreeMap;

/** Every name and label the operator gives a tenant's objects (docs/contracts.md "Names"). */
public final class TenantNames {

  public static final String TENANT_LABEL = "tenantry.io/tenant";
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "tenantry-operator";
  public static final String PART_OF = "tenantry";
  public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
  public static final String POD_SECURITY_LABEL_PREFIX = "pod-security.kubernetes.io/";
  public static final String CNPG_CLUSTER_LABEL = "cnpg.io/cluster";

  /** On a PersistentVolume kept for a deleted tenant (cloudnative-pg mode, Retain): its slug. */
  public static final String RETAINED_TENANT_LABEL = "tenantry.io/retained-tenant";

  /** On such a PersistentVolume: the UID of the Tenant it was kept from, and when. */
  public static final String RETAINED_FROM_UID_ANNOTATION = "tenantry.io/retained-from-uid";

  public static final String RETAINED_AT_ANNOTATION = "tenantry.io/retained-at";

  /** Informer label selector: the operator watches only the objects it made. */
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  /** The {@code app.kubernetes.io/name} of the tenant namespace itself. */
  public static final String NAMESPACE_COMPONENT = "tenant-namespace";

  public static final String APP = "tenant-app";
  public static final String DB_SECRET = "tenant-db";
  public static final String SIGNING_KEY_SECRET = "tenant-signing-key";
  public static final String FIRST_ADMIN_SECRET = "tenant-admin";
  public static final String ENTITLEMENTS_CONFIG_MAP = "tenant-entitlements";
  public static final String TLS_SECRET = "tenant-app-tls";
  public static final String QUOTA = "tenant-quota";
  public static final String LIMITS = "tenant-limits";
  public static final String CNPG_CLUSTER = "tenant-db";
  public static final String CNPG_APP_SECRET = CNPG_CLUSTER + "-app";

  /** Every tenant database and role name starts with this. */
  public static final String DATABASE_PREFIX = "tenant_";

  /**
   * Names of the operator's pre-created, unclaimed databases: never a tenant's (those start with
   * {@code tenant_}, these with {@code tenantr}) and, with a random rest, telling nothing.
   */
  public static final String DATABASE_POOL_PREFIX = "tenantry_pool_";

  public static final String DEFAULT_DENY_POLICY = "default-deny";
  public static final String SAME_NAMESPACE_POLICY = "allow-same-namespace";
  public static final String APP_INGRESS_POLICY = "allow-app-ingress";
  public static final String EGRESS_POLICY = "allow-egress";
  public static final String CNPG_POLICY = "allow-cnpg-operator";

  private TenantNames() {}

  /** {@code tenant-<slug>}. */
  public static String namespace(Tenant tenant) {
    return "tenant-" + tenant.slug();
  }

  /** {@code tenant_<slug>} with hyphens as underscores: both the database and its role. */
  public static String database(Tenant tenant) {
    return database(tenant.slug());
  }

  /** {@code tenant_<slug>} with hyphens as underscores: both the database and its role. */
  public static String database(String slug) {
    return DATABASE_PREFIX + slug.replace('-', '_');
  }

  /** {@code <slug>.<base-domain>}. */
  public static String host(Tenant tenant, String baseDomain) {
    return tenant.slug() + "." + baseDomain;
  }

  /** The four labels every object of the tenant carries. */
  public static Map<String, String> labels(Tenant tenant, String component) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME_LABEL, component);
    labels.put(PART_OF_LABEL, PART_OF);
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(TENANT_LABEL, tenant.slug());
    return labels;
  }

  /** Labels that select the tenant app's pods. */
  public static Map<String, String> appSelector(Tenant tenant) {
    return Map.of(NAME_LABEL, APP, TENANT_LABEL, tenant.slug());
  }

  /** Metadata of an object named {@code name} in the tenant namespace. */
  public static ObjectMeta metadata(Tenant tenant, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace(tenant))
        .withLabels(labels(tenant, name))
        .build();
  }
}
