package io.tenantry.crds.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One customer organization. Cluster-scoped on purpose: it owns the namespace {@code tenant-<slug>}
 * and everything in it, which a namespaced resource could not.
 *
 * <p>The resource's name is the tenant slug: a DNS label of 3 to 40 characters, so that {@code
 * tenant-<slug>}, {@code tenant_<slug>} and {@code <slug>.<base-domain>} are always valid names.
 */
@Group(Tenant.GROUP)
@Version(Tenant.VERSION)
@Kind("Tenant")
@Plural("tenants")
@Singular("tenant")
@ShortNames("tnt")
@ValidationRule(
    value = "self.metadata.name.matches('" + Tenant.SLUG_PATTERN + "')",
    message =
        "metadata.name must be a DNS label of 3 to 40 characters: lowercase letters,"
            + " digits and '-', starting with a letter and ending with a letter or digit")
@ValidationRule(value = TenantRules.IDNA_CEL, message = "metadata.name " + TenantRules.IDNA_RULE)
@ValidationRule(value = TenantRules.KUBE_CEL, message = "metadata.name " + TenantRules.KUBE_RULE)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Tenant extends CustomResource<TenantSpec, TenantStatus> {

  public static final String GROUP = "tenantry.io";
  public static final String VERSION = "v1alpha1";

  /** Annotation an SRE sets to "true" to keep the tenant out of every rollout. */
  public static final String HOLD_ANNOTATION = "tenantry.io/hold";

  /** A DNS label of 3 to 40 characters that starts with a letter. */
  public static final String SLUG_PATTERN = "^[a-z]([-a-z0-9]{1,38}[a-z0-9])$";

  /** True when an SRE holds the tenant out of every rollout. */
  public boolean held() {
    var annotations = getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(HOLD_ANNOTATION));
  }

  /** The tenant slug, which is the resource's name. */
  public String slug() {
    return getMetadata().getName();
  }
}
