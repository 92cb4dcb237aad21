package io.tenantry.tenantapp.tickets;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;
import static io.tenantry.tenantapp.db.Column.Reader.enumOf;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code tickets}; {@code messages} are read only where a view shows them. */
public class Ticket {

  static final Table<Ticket> TABLE =
      Table.of("tickets", "ticket", Ticket::new)
          .key("id", t -> t.id, (t, v) -> t.id = v)
          .column("subject", TEXT, t -> t.subject, (t, v) -> t.subject = v)
          .column(
              "priority", enumOf(TicketPriority.class), t -> t.priority, (t, v) -> t.priority = v)
          .column("status", enumOf(TicketStatus.class), t -> t.status, (t, v) -> t.status = v)
          .column("subscriber_id", ID, t -> t.subscriberId, (t, v) -> t.subscriberId = v)
          .column("assignee_id", ID, t -> t.assigneeId, (t, v) -> t.assigneeId = v)
          .fixed("created_at", TIMESTAMP, t -> t.createdAt, (t, v) -> t.createdAt = v)
          .build();

  public UUID id;
  public String subject;
  public TicketPriority priority;
  public TicketStatus status;
  public UUID subscriberId;
  public UUID assigneeId;
  public Instant createdAt;
  public List<TicketMessage> messages = new ArrayList<>();
}
