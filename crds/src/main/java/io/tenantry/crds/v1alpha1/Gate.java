package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Health thresholds of the tenant app's own signals while a tenant soaks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Gate {

  @JsonPropertyDescription(
      "Highest share of 5xx among the tenant app's HTTP requests, 0 to 1 (http_server_requests_seconds).")
  @Default("0.05")
  @Min(0)
  @Max(1)
  public Double maxErrorRatio = 0.05;

  @JsonPropertyDescription("Highest 99th percentile of the tenant app's request latency, in ms.")
  @Default("2000")
  @Min(1)
  public Integer maxP99Millis = 2000;

  public double maxErrorRatioOrDefault() {
    return maxErrorRatio == null ? 0.05 : maxErrorRatio;
  }

  public int maxP99MillisOrDefault() {
    return maxP99Millis == null ? 2000 : maxP99Millis;
  }
}
