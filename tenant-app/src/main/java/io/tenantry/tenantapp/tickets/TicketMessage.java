package io.tenantry.tenantapp.tickets;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code ticket_messages}; a message is never changed once written. */
public class TicketMessage {

  static final Table<TicketMessage> TABLE =
      Table.of("ticket_messages", "message", TicketMessage::new)
          .key("id", m -> m.id, (m, v) -> m.id = v)
          .fixed("ticket_id", ID, m -> m.ticketId, (m, v) -> m.ticketId = v)
          .fixed("author_id", ID, m -> m.authorId, (m, v) -> m.authorId = v)
          .fixed("body", TEXT, m -> m.body, (m, v) -> m.body = v)
          .fixed("created_at", TIMESTAMP, m -> m.createdAt, (m, v) -> m.createdAt = v)
          .build();

  public UUID id;
  public UUID ticketId;
  public UUID authorId;
  public String body;
  public Instant createdAt;
}
