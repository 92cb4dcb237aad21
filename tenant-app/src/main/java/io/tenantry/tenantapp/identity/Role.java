package io.tenantry.tenantapp.identity;

import java.util.Set;

/**
 * Staff roles and the permissions ({@code <area>:<verb>}) each one grants: the one table every
 * endpoint check reads. A permission not listed here is denied. Lower-case constants: they are the
 * API, token and database values as they stand.
 */
public enum Role {
  tenant_admin(
      "subscribers:read",
      "subscribers:write",
      "devices:read",
      "devices:write",
      "billing:read",
      "billing:write",
      "radius:read",
      "radius:write",
      "tickets:read",
      "tickets:write",
      "staff:read",
      "staff:write",
      "search:read",
      "demo:write"),
  operator(
      "subscribers:read",
      "subscribers:write",
      "devices:read",
      "devices:write",
      "radius:read",
      "radius:write",
      "tickets:read",
      "billing:read",
      "search:read"),
  support(
      "subscribers:read",
      "devices:read",
      "radius:read",
      "tickets:read",
      "tickets:write",
      "search:read"),
  billing("subscribers:read", "billing:read", "billing:write", "search:read"),
  read_only(
      "subscribers:read",
      "devices:read",
      "billing:read",
      "radius:read",
      "tickets:read",
      "search:read");

  private final Set<String> permissions;

  Role(String... permissions) {
    this.permissions = Set.of(permissions);
  }

  public Set<String> permissions() {
    return permissions;
  }
}
