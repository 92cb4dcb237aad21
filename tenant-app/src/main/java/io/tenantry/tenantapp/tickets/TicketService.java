package io.tenantry.tenantapp.tickets;

import io.tenantry.tenantapp.common.Clock;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.common.ListQuery;
import io.tenantry.tenantapp.common.Page;
import io.tenantry.tenantapp.common.ProblemException;
import io.tenantry.tenantapp.common.SortField;
import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.subscribers.Subscriber;
import io.tenantry.tenantapp.tickets.TicketDtos.MessageRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TicketService {

  private static final Map<String, SortField<Ticket>> SORTS =
      Map.of(
          "createdAt", SortField.instant("createdAt", t -> t.createdAt),
          "subject", SortField.text("subject", t -> t.subject));

  private final EntityManager em;

  TicketService(EntityManager em) {
    this.em = em;
  }

  /** Filters of a ticket list; null means "any". */
  public record Filter(TicketStatus status, TicketPriority priority, UUID assigneeId) {}

  @Transactional
  public TicketView create(TicketRequest request) {
    Ticket t = new Ticket();
    t.id = UUID.randomUUID();
    t.status = TicketStatus.open;
    t.createdAt = Clock.now();
    apply(t, request);
    t.persistAndFlush();
    return TicketView.of(t);
  }

  @Transactional
  public TicketView get(UUID id) {
    return TicketView.of(find(id));
  }

  @Transactional
  public TicketView update(UUID id, TicketRequest request) {
    Ticket t = find(id);
    apply(t, request);
    return TicketView.of(t);
  }

  @Transactional
  public TicketView changeStatus(UUID id, TicketStatus to) {
    Ticket t = find(id);
    Lifecycle.check("ticket", t.status, to);
    t.status = to;
    return TicketView.of(t);
  }

  @Transactional
  public TicketView addMessage(UUID id, UUID authorId, MessageRequest request) {
    Ticket t = find(id);
    if (t.status == TicketStatus.closed) {
      throw ProblemException.conflict(
          "ticket-closed", "a closed ticket takes no messages", Map.of());
    }
    TicketMessage m = new TicketMessage();
    m.id = UUID.randomUUID();
    m.ticket = t;
    m.authorId = authorId;
    m.body = request.body();
    m.createdAt = Clock.now();
    m.persist();
    t.messages.add(m);
    return TicketView.of(t);
  }

  @Transactional
  public Page<TicketView> list(Filter filter, String sort, String cursor, int limit) {
    return new ListQuery<>(Ticket.class, SORTS, (Ticket t) -> t.id)
        .filter("e.status = :status", "status", filter.status())
        .filter("e.priority = :priority", "priority", filter.priority())
        .filter("e.assigneeId = :assignee", "assignee", filter.assigneeId())
        .fetch(em, sort, cursor, limit)
        .map(TicketView::summary);
  }

  private static Ticket find(UUID id) {
    Ticket t = Ticket.findById(id);
    if (t == null) {
      throw ProblemException.notFound("ticket", id);
    }
    return t;
  }

  private static void apply(Ticket t, TicketRequest r) {
    if (r.subscriberId() != null && Subscriber.findById(r.subscriberId()) == null) {
      throw ProblemException.invalid("subscriberId", "must name an existing subscriber");
    }
    if (r.assigneeId() != null && StaffUser.findById(r.assigneeId()) == null) {
      throw ProblemException.invalid("assigneeId", "must name an existing staff user");
    }
    t.subject = r.subject().strip();
    t.priority = Enums.parse(TicketPriority.class, "priority", r.priority());
    t.subscriberId = r.subscriberId();
    t.assigneeId = r.assigneeId();
  }
}
