package io.tenantry.controlplane.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The first owner, created when the platform has no users at all. */
@ConfigMapping(prefix = "tenantry.bootstrap")
public interface BootstrapConfig {
  /** Email of the first owner. */
  @WithDefault("owner@tenantry.local")
  String ownerEmail();

  /** Password of the first owner; when absent a one-time password is generated. */
  Optional<String> ownerPassword();

  /** File the generated one-time password is written to (mode 600). */
  @WithDefault("${java.io.tmpdir}/tenantry-bootstrap-credentials")
  String credentialsFile();
}
