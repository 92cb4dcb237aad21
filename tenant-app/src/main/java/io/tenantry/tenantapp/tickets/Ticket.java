package io.tenantry.tenantapp.tickets;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code tickets}; {@code messages} are read only where a view shows them. */
public class Ticket {

  static final Table<Ticket> TABLE =
      new Table<>(
          "tickets",
          "ticket",
          "id, subject, priority, status, subscriber_id, assignee_id, created_at",
          Ticket::read);

  public UUID id;
  public String subject;
  public TicketPriority priority;
  public TicketStatus status;
  public UUID subscriberId;
  public UUID assigneeId;
  public Instant createdAt;
  public List<TicketMessage> messages = new ArrayList<>();

  private static Ticket read(ResultSet row) throws SQLException {
    Ticket t = new Ticket();
    t.id = Db.uuid(row, "id");
    t.subject = row.getString("subject");
    t.priority = Db.enumOf(TicketPriority.class, row, "priority");
    t.status = Db.enumOf(TicketStatus.class, row, "status");
    t.subscriberId = Db.uuid(row, "subscriber_id");
    t.assigneeId = Db.uuid(row, "assignee_id");
    t.createdAt = Db.instant(row, "created_at");
    return t;
  }
}
