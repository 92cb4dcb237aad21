package io.tenantry.controlplane.plans;

import io.quarkus.runtime.Startup;
import io.tenantry.controlplane.plans.PlansConfig.PlanDefinition;
import io.tenantry.crds.v1alpha1.Plan;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Read access to the plans catalogue, checked once at start so a typo never reaches a tenant. */
@Startup
@ApplicationScoped
public class PlanCatalogue {

  private static final Set<String> LICENSE_TYPES = Set.of("trial", "subscription", "perpetual");

  private final PlansConfig config;

  PlanCatalogue(PlansConfig config) {
    this.config = config;
  }

  @PostConstruct
  void check() {
    for (Plan plan : Plan.values()) {
      PlanDefinition definition = config.plans().get(plan.value());
      if (definition == null) {
        throw new IllegalStateException("tenantry.plans." + plan.value() + " is not configured");
      }
      Set<String> allowed = allowedFlags(definition);
      if (!allowed.containsAll(includedFlags(definition))) {
        throw new IllegalStateException(
            "tenantry.plans." + plan.value() + ".included-flags must be a subset of allowed-flags");
      }
      if (!LICENSE_TYPES.contains(definition.license().type())) {
        throw new IllegalStateException(
            "tenantry.plans." + plan.value() + ".license.type must be one of " + LICENSE_TYPES);
      }
    }
  }

  /** Every plan, in the order of the crds {@link Plan} enum (cheapest first). */
  public List<PlanView> all() {
    return Arrays.stream(Plan.values()).map(p -> view(p.value())).toList();
  }

  /** The plan named {@code plan}; tenants only ever carry one of the four wire values. */
  public PlanDefinition get(String plan) {
    PlanDefinition definition = config.plans().get(plan);
    if (definition == null) {
      throw new IllegalArgumentException("unknown plan " + plan);
    }
    return definition;
  }

  public PlanView view(String plan) {
    PlanDefinition definition = get(plan);
    return new PlanView(
        plan,
        definition.seatsIncluded(),
        new TreeSet<>(allowedFlags(definition)),
        new TreeSet<>(includedFlags(definition)),
        definition.resourceTier(),
        new PlanView.LicenseTerms(
            definition.license().type(),
            definition.license().term().toDays(),
            definition.license().gracePeriodDays()));
  }

  public static Set<String> allowedFlags(PlanDefinition definition) {
    return definition.allowedFlags().orElse(Set.of());
  }

  public static Set<String> includedFlags(PlanDefinition definition) {
    return definition.includedFlags().orElse(Set.of());
  }
}
