package io.tenantry.controlplane.tenants;

import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the tenants API. */
public final class TenantRequests {

  static final String PLANS = "free|starter|professional|enterprise";
  static final String PLAN_RULE = "must be one of free, starter, professional, enterprise";
  static final String REGION = "^[a-z]{2}(-[a-z0-9]+){1,3}$";
  static final String REGION_RULE = "must look like eu-west-1";

  private TenantRequests() {}

  /** A new tenant. */
  public record Create(
      @NotBlank
          @Pattern(
              regexp = Tenant.SLUG_PATTERN,
              message =
                  "must be 3 to 40 lowercase letters, digits or '-', start with a letter and end"
                      + " with a letter or digit")
          String slug,
      @NotBlank @Size(max = 100) String displayName,
      @NotBlank @Pattern(regexp = PLANS, message = PLAN_RULE) String plan,
      @Size(max = 32) @Pattern(regexp = REGION, message = REGION_RULE) String region,
      @Pattern(regexp = "Retain|Delete", message = "must be Retain or Delete")
          String deletionPolicy) {}

  /** Changes to a tenant; absent fields stay as they are. */
  public record Update(
      @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          String displayName,
      @Pattern(regexp = PLANS, message = PLAN_RULE) String plan,
      @Size(max = 32) @Pattern(regexp = REGION, message = REGION_RULE) String region) {}
}
