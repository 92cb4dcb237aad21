package io.tenantry.tenantapp.tickets;

import io.tenantry.tenantapp.common.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/** Lower-case constants: they are the API and database values as they stand. */
public enum TicketStatus implements Lifecycle<TicketStatus> {
  open,
  in_progress,
  waiting,
  resolved,
  closed;

  @Override
  public Set<TicketStatus> next() {
    return switch (this) {
      case open -> EnumSet.of(in_progress, closed);
      case in_progress -> EnumSet.of(open, waiting, resolved);
      case waiting -> EnumSet.of(in_progress, resolved);
      case resolved -> EnumSet.of(open, closed);
      case closed -> EnumSet.noneOf(TicketStatus.class);
    };
  }
}
