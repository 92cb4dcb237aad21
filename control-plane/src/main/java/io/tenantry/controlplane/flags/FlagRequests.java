package io.tenantry.controlplane.flags;

import jakarta.validation.constraints.NotNull;

/** Request bodies of the flags API. */
public final class FlagRequests {

  private FlagRequests() {}

  /** Turns a global switch or an override on or off. */
  public record Setting(@NotNull(message = "must be true or false") Boolean enabled) {}
}
