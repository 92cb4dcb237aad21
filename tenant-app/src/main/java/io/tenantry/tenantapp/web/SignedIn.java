package io.tenantry.tenantapp.web;

import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffUser;
import java.util.UUID;

/**
 * The staff member a browser session belongs to, as of this request; {@code passwordChangeRequired}
 * while their password is one they did not choose (only the password page is open to them).
 */
public record SignedIn(
    UUID userId,
    String email,
    String displayName,
    Role role,
    String sessionHash,
    String csrf,
    boolean passwordChangeRequired) {

  static SignedIn of(StaffUser user, String sessionHash, String csrf) {
    return new SignedIn(
        user.id,
        user.email,
        user.displayName,
        user.role,
        sessionHash,
        csrf,
        user.passwordChangeRequired);
  }

  /** The same permission table the API checks ({@link Role#permissions()}). */
  public boolean can(String permission) {
    return role.permissions().contains(permission);
  }
}
