package io.tenantry.tenantapp.tickets;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.ListQuery;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.db.SortField;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.tickets.TicketDtos.MessageRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TicketService {

  private static final Map<String, SortField<Ticket>> SORTS =
      Map.of(
          "createdAt", SortField.instant("created_at", t -> t.createdAt),
          "subject", SortField.text("subject", t -> t.subject));

  private final Db db;

  TicketService(Db db) {
    this.db = db;
  }

  /** Filters of a ticket list; null means "any". */
  public record Filter(TicketStatus status, TicketPriority priority, UUID assigneeId) {}

  @Transactional
  public TicketView create(TicketRequest request) {
    Ticket t = new Ticket();
    t.id = UUID.randomUUID();
    t.status = TicketStatus.open;
    t.createdAt = Timestamps.now();
    apply(t, request);
    db.insert(Ticket.TABLE, t);
    return TicketView.of(t);
  }

  @Transactional
  public TicketView get(UUID id) {
    return TicketView.of(withMessages(db.get(Ticket.TABLE, id)));
  }

  @Transactional
  public TicketView update(UUID id, TicketRequest request) {
    Ticket t = db.lock(Ticket.TABLE, id);
    apply(t, request);
    db.update(Ticket.TABLE, t);
    return TicketView.of(withMessages(t));
  }

  @Transactional
  public TicketView changeStatus(UUID id, TicketStatus to) {
    Ticket t = db.lock(Ticket.TABLE, id);
    Lifecycle.check("ticket", t.status, to);
    t.status = to;
    db.update(Ticket.TABLE, t);
    return TicketView.of(withMessages(t));
  }

  @Transactional
  public TicketView addMessage(UUID id, UUID authorId, MessageRequest request) {
    // locked: a message never lands on a ticket that is being closed at the same moment
    Ticket t = db.lock(Ticket.TABLE, id);
    if (t.status == TicketStatus.closed) {
      throw ProblemException.conflict(
          "ticket-closed", "a closed ticket takes no messages", Map.of());
    }
    TicketMessage m = new TicketMessage();
    m.id = UUID.randomUUID();
    m.ticketId = id;
    m.authorId = authorId;
    m.body = request.body();
    m.createdAt = Timestamps.now();
    db.insert(TicketMessage.TABLE, m);
    return TicketView.of(withMessages(t));
  }

  @Transactional
  public Page<TicketView> list(Filter filter, String sort, String cursor, int limit) {
    return new ListQuery<>(Ticket.TABLE, SORTS, (Ticket t) -> t.id)
        .filter("status = ?", filter.status())
        .filter("priority = ?", filter.priority())
        .filter("assignee_id = ?", filter.assigneeId())
        .fetch(db, sort, cursor, limit)
        .map(TicketView::summary);
  }

  private Ticket withMessages(Ticket t) {
    t.messages =
        db.list(
            TicketMessage.TABLE.select() + " WHERE ticket_id = ? ORDER BY created_at, id",
            TicketMessage.TABLE.mapper(),
            t.id);
    return t;
  }

  private void apply(Ticket t, TicketRequest r) {
    if (r.subscriberId() != null && !db.exists("subscribers", r.subscriberId())) {
      throw ProblemException.invalid("subscriberId", "must name an existing subscriber");
    }
    if (r.assigneeId() != null && !db.exists("staff_users", r.assigneeId())) {
      throw ProblemException.invalid("assigneeId", "must name an existing staff user");
    }
    t.subject = r.subject().strip();
    t.priority = Enums.parse(TicketPriority.class, "priority", r.priority());
    t.subscriberId = r.subscriberId();
    t.assigneeId = r.assigneeId();
  }
}
