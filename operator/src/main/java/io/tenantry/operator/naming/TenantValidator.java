package io.tenantry.operator.naming;

import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules the API server would enforce through the CRD schema, re-checked because not every
 * server (or test double) enforces them, plus the ones only the operator knows (reserved names,
 * configured plans). A Tenant that breaks one gets nothing created.
 */
@ApplicationScoped
public class TenantValidator {

  private static final Pattern SLUG = Pattern.compile(Tenant.SLUG_PATTERN);

  private final OperatorConfig config;

  TenantValidator(OperatorConfig config) {
    this.config = config;
  }

  /** A validator over {@code config}, outside CDI. */
  public static TenantValidator over(OperatorConfig config) {
    return new TenantValidator(config);
  }

  /** One message per broken rule, naming the field; empty when the Tenant can be honoured. */
  public List<String> problems(Tenant tenant) {
    List<String> problems = new ArrayList<>();
    String slug = tenant.slug();
    if (slug == null || !SLUG.matcher(slug).matches()) {
      problems.add(
          "metadata.name must be a DNS label of 3 to 40 characters matching "
              + Tenant.SLUG_PATTERN);
    } else if (config.reservedSlugs().contains(slug)) {
      problems.add("metadata.name '" + slug + "' is reserved");
    }
    if (tenant.getSpec() == null || tenant.getSpec().plan == null) {
      problems.add("spec.plan must be one of free, starter, professional, enterprise");
    } else if (!config.plans().containsKey(tenant.getSpec().plan.value())) {
      problems.add("spec.plan '" + tenant.getSpec().plan.value() + "' has no configured tier");
    }
    return problems;
  }

  /**
   * Whether the derived names are usable: enough to clean up what a once-valid Tenant created, even
   * if its spec has since become invalid.
   */
  public boolean hasUsableName(Tenant tenant) {
    String slug = tenant.slug();
    return slug != null && SLUG.matcher(slug).matches() && !config.reservedSlugs().contains(slug);
  }
}
