package io.tenantry.controlplane.access;

import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Platform roles and what each may do: the only place that maps roles to permissions. A permission
 * not listed for a role is denied.
 */
public enum Role {
  OWNER(
      Permissions.TENANTS_READ,
      Permissions.TENANTS_WRITE,
      Permissions.LICENSES_READ,
      Permissions.LICENSES_WRITE,
      Permissions.FLAGS_READ,
      Permissions.FLAGS_WRITE,
      Permissions.USERS_READ,
      Permissions.USERS_WRITE,
      Permissions.AUDIT_READ,
      Permissions.AUDIT_EXPORT,
      Permissions.AUDIT_VERIFY,
      Permissions.SEARCH_READ,
      Permissions.ROLLOUTS_READ,
      Permissions.ROLLOUTS_WRITE),
  ADMIN(
      Permissions.TENANTS_READ,
      Permissions.TENANTS_WRITE,
      Permissions.LICENSES_READ,
      Permissions.LICENSES_WRITE,
      Permissions.FLAGS_READ,
      Permissions.FLAGS_WRITE,
      Permissions.USERS_READ,
      Permissions.AUDIT_READ,
      Permissions.AUDIT_VERIFY,
      Permissions.SEARCH_READ,
      Permissions.ROLLOUTS_READ,
      Permissions.ROLLOUTS_WRITE),
  /** Read-only: sees everything an admin sees, changes nothing. */
  SUPPORT(
      Permissions.TENANTS_READ,
      Permissions.LICENSES_READ,
      Permissions.FLAGS_READ,
      Permissions.AUDIT_READ,
      Permissions.SEARCH_READ,
      Permissions.ROLLOUTS_READ),
  BILLING(Permissions.TENANTS_READ, Permissions.LICENSES_READ, Permissions.LICENSES_WRITE);

  private final Set<String> permissions;

  Role(String... permissions) {
    this.permissions = Set.of(permissions);
  }

  /** Every permission of this role, sorted. */
  public SortedSet<String> permissions() {
    return new TreeSet<>(permissions);
  }

  public boolean grants(String permission) {
    return permissions.contains(permission);
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire value; null for anything else. */
  public static Role fromValue(String value) {
    for (Role role : values()) {
      if (role.value().equals(value)) {
        return role;
      }
    }
    return null;
  }
}
