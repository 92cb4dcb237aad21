package io.tenantry.controlplane.invitations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Invitations of platform users. */
@ConfigMapping(prefix = "tenantry.invitations")
public interface InvitationConfig {

  /** How long an invitation link can be used. */
  @WithDefault("72h")
  Duration lifetime();

  /**
   * Roles whose invitees must enrol two-factor sign-in before anything else, as after an MFA reset:
   * an owner can change every user and setting, so their account must not rest on a password alone.
   */
  @WithDefault("owner")
  Set<String> mfaRequiredRoles();
}
