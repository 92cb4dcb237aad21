package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One step of a rollout: which tenants, how many at once, how many may fail, how long to soak. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Wave {

  public static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  public static final String BUDGET_PATTERN = "^[0-9]{1,6}%?$";

  @JsonPropertyDescription("Name of the wave, a DNS label, e.g. 'canary'.")
  @Required
  @Pattern(NAME_PATTERN)
  @Size(min = 1, max = 63)
  public String name;

  @JsonPropertyDescription("Which of the rollout's not-yet-assigned tenants this wave takes.")
  public TenantSelector selector;

  @JsonPropertyDescription(
      "A share of the candidates instead of (or within) a selector: count tenants or percent of"
          + " them, spread across plans round-robin, sorted by name within a plan.")
  public Canary canary;

  @JsonPropertyDescription("How many tenants of the wave update at once.")
  @Default("10")
  @Min(1)
  public Integer maxParallel = 10;

  @JsonPropertyDescription(
      "Failures the wave tolerates before the rollout halts: a count 'N' or a share 'N%' of the wave.")
  @Default("0")
  @Pattern(BUDGET_PATTERN)
  public String failureBudget = "0";

  @JsonPropertyDescription(
      "Seconds a tenant must stay healthy on the new version, after it is available, to succeed.")
  @Default("0")
  @Min(0)
  public Integer soakSeconds = 0;

  @JsonPropertyDescription(
      "Automatic starts the wave when the one before succeeded; Manual waits for"
          + " spec.promotedThrough to reach the wave's index.")
  @Default("Automatic")
  public Promotion promotion = Promotion.Automatic;

  @JsonPropertyDescription("The health thresholds a tenant must stay within while it soaks.")
  public Gate gate;

  public int maxParallelOrDefault() {
    return maxParallel == null ? 10 : maxParallel;
  }

  public int soakSecondsOrDefault() {
    return soakSeconds == null ? 0 : soakSeconds;
  }

  public boolean promotedManually() {
    return promotion == Promotion.Manual;
  }

  public Gate gateOrDefault() {
    return gate == null ? new Gate() : gate;
  }

  /** Failures allowed among {@code size} tenants: the count, or the share rounded down. */
  public int failuresAllowed(int size) {
    String budget = failureBudget == null || failureBudget.isBlank() ? "0" : failureBudget.trim();
    if (budget.endsWith("%")) {
      long percent = Long.parseLong(budget.substring(0, budget.length() - 1));
      return (int) (size * percent / 100);
    }
    return Integer.parseInt(budget);
  }

  /** Automatic or manual promotion into a wave. */
  public enum Promotion {
    Automatic,
    Manual
  }
}
