package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/**
 * Picks tenants by plan, region and labels; every part given must match, absent parts match all.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TenantSelector {

  @JsonPropertyDescription("Plans to pick (any of); absent or empty picks every plan.")
  public List<Plan> plans;

  @JsonPropertyDescription(
      "Regions to pick (any of), e.g. 'eu-west-1'; absent or empty picks every region.")
  public List<String> regions;

  @JsonPropertyDescription(
      "Tenant metadata.labels that must all be present with these values, e.g. tenantry.io/ring: canary.")
  public Map<String, String> matchLabels;

  /** True when the tenant matches every part given. */
  public boolean matches(Tenant tenant) {
    if (plans != null && !plans.isEmpty() && !plans.contains(tenant.getSpec().plan)) {
      return false;
    }
    if (regions != null && !regions.isEmpty() && !regions.contains(tenant.getSpec().region)) {
      return false;
    }
    if (matchLabels != null && !matchLabels.isEmpty()) {
      Map<String, String> labels = tenant.getMetadata().getLabels();
      return labels != null && labels.entrySet().containsAll(matchLabels.entrySet());
    }
    return true;
  }

  /** A null selector matches every tenant. */
  public static boolean matches(TenantSelector selector, Tenant tenant) {
    return selector == null || selector.matches(tenant);
  }
}
