package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The version a release carries and whether going back from it is safe. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReleaseSpec {

  @JsonPropertyDescription(
      "Tenant-app image of this release: a tag or a digest 'sha256:<64 hex>', as Tenant spec.appVersion.")
  @Required
  @Pattern(TenantSpec.APP_VERSION_PATTERN)
  public String appVersion;

  @JsonPropertyDescription(
      "true when going back to the previous image is safe by image alone (no contract migration in"
          + " this release); rollouts roll failed tenants back automatically only then.")
  @Default("false")
  public Boolean rollbackSafe = false;

  @JsonPropertyDescription("What the release brings, for humans.")
  @Size(max = 200)
  public String description;

  public boolean isRollbackSafe() {
    return Boolean.TRUE.equals(rollbackSafe);
  }
}
