package io.tenantry.tenantapp.billing;

import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceRequest;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceView;
import io.tenantry.tenantapp.common.Clock;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.common.ListQuery;
import io.tenantry.tenantapp.common.Page;
import io.tenantry.tenantapp.common.ProblemException;
import io.tenantry.tenantapp.common.SortField;
import io.tenantry.tenantapp.subscribers.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InvoiceService {

  private static final Map<String, SortField<Invoice>> SORTS =
      Map.of(
          "createdAt", SortField.instant("createdAt", i -> i.createdAt),
          "dueDate", SortField.date("dueDate", i -> i.dueDate),
          "number", SortField.text("number", i -> i.number));

  private final EntityManager em;

  InvoiceService(EntityManager em) {
    this.em = em;
  }

  /** Filters of an invoice list; null means "any". */
  public record Filter(InvoiceStatus status, UUID subscriberId, LocalDate dueBefore) {}

  @Transactional
  public InvoiceView create(InvoiceRequest request) {
    Invoice i = new Invoice();
    i.id = UUID.randomUUID();
    i.status = InvoiceStatus.draft;
    i.createdAt = Clock.now();
    apply(i, request);
    i.persistAndFlush();
    return InvoiceView.of(i);
  }

  @Transactional
  public InvoiceView get(UUID id) {
    return InvoiceView.of(find(id));
  }

  /** Only drafts change; an issued invoice is a document the subscriber has seen. */
  @Transactional
  public InvoiceView update(UUID id, InvoiceRequest request) {
    Invoice i = find(id);
    if (i.status != InvoiceStatus.draft) {
      throw ProblemException.conflict(
          "invoice-not-draft",
          "invoice is " + i.status + "; only draft invoices can be edited",
          Map.of("status", i.status.toString()));
    }
    apply(i, request);
    i.flush();
    return InvoiceView.of(i);
  }

  @Transactional
  public InvoiceView changeStatus(UUID id, InvoiceStatus to) {
    Invoice i = find(id);
    Lifecycle.check("invoice", i.status, to);
    i.status = to;
    return InvoiceView.of(i);
  }

  @Transactional
  public Page<InvoiceView> list(Filter filter, String sort, String cursor, int limit) {
    return new ListQuery<>(Invoice.class, SORTS, (Invoice i) -> i.id)
        .filter("e.status = :status", "status", filter.status())
        .filter("e.subscriberId = :subscriber", "subscriber", filter.subscriberId())
        .filter("e.dueDate < :dueBefore", "dueBefore", filter.dueBefore())
        .fetch(em, sort, cursor, limit)
        .map(InvoiceView::of);
  }

  static BigDecimal amountOf(InvoiceLine line) {
    return line.quantity.multiply(line.unitPrice).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static Invoice find(UUID id) {
    Invoice i = Invoice.findById(id);
    if (i == null) {
      throw ProblemException.notFound("invoice", id);
    }
    return i;
  }

  private static void apply(Invoice i, InvoiceRequest r) {
    if (Subscriber.findById(r.subscriberId()) == null) {
      throw ProblemException.invalid("subscriberId", "must name an existing subscriber");
    }
    i.number = r.number();
    i.subscriberId = r.subscriberId();
    i.currency = r.currency();
    i.dueDate = r.dueDate();
    i.lines.clear();
    for (InvoiceDtos.LineRequest l : r.lines()) {
      InvoiceLine line = new InvoiceLine();
      line.description = l.description();
      line.quantity = l.quantity();
      line.unitPrice = l.unitPrice();
      i.lines.add(line);
    }
    i.total =
        i.lines.stream().map(InvoiceService::amountOf).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
