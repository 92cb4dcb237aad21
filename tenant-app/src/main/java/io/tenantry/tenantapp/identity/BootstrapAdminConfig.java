package io.tenantry.tenantapp.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first tenant administrator, created when no staff user exists yet ({@link BootstrapAdmin}).
 */
@ConfigMapping(prefix = "tenantry.tenant.bootstrap-admin")
public interface BootstrapAdminConfig {

  /** E-mail (login name) of the first administrator. */
  @WithDefault("admin@tenant.local")
  String email();

  /**
   * Initial password; when absent the administrator is invited instead, with a one-time token
   * (exchanged for a password at POST /api/v1/auth/accept-invite).
   */
  Optional<String> password();

  /** File the one-time token is written to (owner-only); a temporary file when unset. */
  Optional<Path> passwordFile();
}
