package io.tenantry.tenantapp.tickets;

/** Lower-case constants: they are the API and database values as they stand. */
public enum TicketPriority {
  low,
  normal,
  high,
  urgent
}
