package io.tenantry.tenantapp.tickets;

import io.tenantry.tenantapp.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code ticket_messages}. */
public record TicketMessage(UUID id, UUID authorId, String body, Instant createdAt) {

  static TicketMessage read(ResultSet row) throws SQLException {
    return new TicketMessage(
        Db.uuid(row, "id"),
        Db.uuid(row, "author_id"),
        row.getString("body"),
        Db.instant(row, "created_at"));
  }
}
