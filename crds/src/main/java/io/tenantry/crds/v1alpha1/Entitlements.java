package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tenant may use, written by the control plane and projected by the operator into the
 * tenant namespace. The tenant app trusts it only when {@link #signature} verifies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Entitlements {

  public static final String EXPIRES_AT_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";

  @JsonPropertyDescription(
      "Staff seats the tenant may use. The tenant app refuses new staff users beyond it.")
  @Min(0)
  public Integer seats;

  @JsonPropertyDescription("When the license ends (RFC 3339). Absent for perpetual licenses.")
  @Pattern(EXPIRES_AT_PATTERN)
  public String expiresAt;

  @JsonPropertyDescription(
      "Days of full service after expiresAt before the tenant becomes read-only.")
  @Min(0)
  public Integer gracePeriodDays;

  @JsonPropertyDescription("License status: active, grace, expired, suspended or revoked.")
  public LicenseStatus licenseStatus;

  @JsonPropertyDescription("Effective feature flags by key, already resolved by the control plane.")
  public Map<String, Boolean> features = new TreeMap<>();

  @JsonPropertyDescription(
      "Compact JWS by the platform key over these entitlements; the tenant app refuses them when it does not verify.")
  public String signature;
}
