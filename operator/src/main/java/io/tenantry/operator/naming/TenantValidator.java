package io.tenantry.operator.naming;

import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRules;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the API server would enforce through the CRD schema ({@link TenantRules}, shared from
 * crds/), re-checked because not every server (or test double) enforces them, plus the ones only
 * the operator knows (reserved names, configured plans). A Tenant that breaks one gets nothing
 * created.
 */
@ApplicationScoped
public class TenantValidator {

  private final OperatorConfig config;

  TenantValidator(OperatorConfig config) {
    this.config = config;
  }

  /** A validator over {@code config}, outside CDI. */
  public static TenantValidator over(OperatorConfig config) {
    return new TenantValidator(config);
  }

  /**
   * One message per broken rule, naming the field: the CRD's rules (shared with the control plane
   * and the local API server), then the operator's reserved names and configured plans; empty when
   * the Tenant can be honoured.
   */
  public List<String> problems(Tenant tenant) {
    List<String> problems = new ArrayList<>();
    TenantRules.check(tenant).forEach(violation -> problems.add(violation.toString()));
    String slug = tenant.slug();
    if (TenantRules.checkSlug(slug).isEmpty() && config.reservedSlugs().contains(slug)) {
      problems.add("metadata.name '" + slug + "' is reserved");
    }
    Plan plan = tenant.getSpec() == null ? null : tenant.getSpec().plan;
    if (plan != null && !config.plans().containsKey(plan.value())) {
      problems.add("spec.plan '" + plan.value() + "' has no configured tier");
    }
    return problems;
  }

  /**
   * Whether the derived names are usable: enough to clean up what a once-valid Tenant created, even
   * if its spec has since become invalid.
   */
  public boolean hasUsableName(Tenant tenant) {
    String slug = tenant.slug();
    return TenantRules.checkSlug(slug).isEmpty() && !config.reservedSlugs().contains(slug);
  }
}
