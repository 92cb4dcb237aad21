package io.tenantry.tenantapp.web;

import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffUser;
import java.util.UUID;

/** The staff member a browser session belongs to, as of this request. */
public record SignedIn(
    UUID userId, String email, String displayName, Role role, String sessionHash, String csrf) {

  static SignedIn of(StaffUser user, String sessionHash, String csrf) {
    return new SignedIn(user.id, user.email, user.displayName, user.role, sessionHash, csrf);
  }

  /** The same permission table the API checks ({@link Role#permissions()}). */
  public boolean can(String permission) {
    return role.permissions().contains(permission);
  }
}
