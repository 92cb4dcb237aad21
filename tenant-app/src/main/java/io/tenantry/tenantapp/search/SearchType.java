package io.tenantry.tenantapp.search;

import java.util.Locale;

/** What a search can return, and the permission a staff user needs to see it. */
public enum SearchType {
  SUBSCRIBER("subscribers:read"),
  DEVICE("devices:read"),
  INVOICE("billing:read"),
  TICKET("tickets:read");

  private final String permission;

  SearchType(String permission) {
    this.permission = permission;
  }

  public String permission() {
    return permission;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
