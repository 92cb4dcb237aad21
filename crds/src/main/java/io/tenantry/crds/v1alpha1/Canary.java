package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** A share of a wave's candidates: a count or a percentage, exactly one of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.count) != has(self.percent)",
    message = "canary takes exactly one of count and percent")
public class Canary {

  @JsonPropertyDescription("Number of tenants.")
  @Min(1)
  public Integer count;

  @JsonPropertyDescription("Percentage of the candidates, rounded up to at least one tenant.")
  @Min(1)
  @Max(100)
  public Integer percent;

  /** How many of {@code candidates} tenants this canary takes. */
  public int sizeOf(int candidates) {
    if (count != null) {
      return Math.min(count, candidates);
    }
    if (percent == null || candidates == 0) {
      return 0;
    }
    return Math.min(candidates, Math.max(1, (int) Math.ceil(candidates * percent / 100.0)));
  }
}
