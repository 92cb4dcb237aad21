package io.tenantry.tenantapp.billing;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceRequest;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceView;
import io.tenantry.tenantapp.billing.InvoiceDtos.LineRequest;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.ListQuery;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.db.SortField;
import io.tenantry.tenantapp.db.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InvoiceService {

  private static final Map<String, SortField<Invoice>> SORTS =
      Map.of(
          "createdAt", SortField.instant("created_at", i -> i.createdAt),
          "dueDate", SortField.date("due_date", i -> i.dueDate),
          "number", SortField.text("number", i -> i.number));

  private final Db db;

  InvoiceService(Db db) {
    this.db = db;
  }

  /** Filters of an invoice list; null means "any". */
  public record Filter(InvoiceStatus status, UUID subscriberId, LocalDate dueBefore) {}

  @Transactional
  public InvoiceView create(InvoiceRequest request) {
    Invoice i = new Invoice();
    i.id = UUID.randomUUID();
    i.status = InvoiceStatus.draft;
    i.createdAt = Timestamps.now();
    apply(i, request);
    db.insert(Invoice.TABLE, i);
    insertLines(i);
    return InvoiceView.of(i);
  }

  @Transactional
  public InvoiceView get(UUID id) {
    return InvoiceView.of(withLines(db.get(Invoice.TABLE, id)));
  }

  /** Only drafts change; an issued invoice is a document the subscriber has seen. */
  @Transactional
  public InvoiceView update(UUID id, InvoiceRequest request) {
    Invoice i = db.lock(Invoice.TABLE, id);
    if (i.status != InvoiceStatus.draft) {
      throw ProblemException.conflict(
          "invoice-not-draft",
          "invoice is " + i.status + "; only draft invoices can be edited",
          Map.of("status", i.status.toString()));
    }
    apply(i, request);
    db.update(Invoice.TABLE, i);
    db.update("DELETE FROM invoice_lines WHERE invoice_id = ?", i.id);
    insertLines(i);
    return InvoiceView.of(i);
  }

  @Transactional
  public InvoiceView changeStatus(UUID id, InvoiceStatus to) {
    Invoice i = db.lock(Invoice.TABLE, id);
    Lifecycle.check("invoice", i.status, to);
    i.status = to;
    db.update(Invoice.TABLE, i);
    return InvoiceView.of(withLines(i));
  }

  @Transactional
  public Page<InvoiceView> list(Filter filter, String sort, String cursor, int limit) {
    Page<Invoice> page =
        new ListQuery<>(Invoice.TABLE, SORTS, (Invoice i) -> i.id)
            .filter("status = ?", filter.status())
            .filter("subscriber_id = ?", filter.subscriberId())
            .filter("due_date < ?", filter.dueBefore())
            .fetch(db, sort, cursor, limit);
    withLines(page.items());
    return page.map(InvoiceView::of);
  }

  static BigDecimal amountOf(InvoiceLine line) {
    return line.quantity.multiply(line.unitPrice).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static InvoiceLine line(LineRequest request) {
    InvoiceLine line = new InvoiceLine();
    line.description = request.description();
    line.quantity = request.quantity();
    line.unitPrice = request.unitPrice();
    return line;
  }

  private Invoice withLines(Invoice invoice) {
    withLines(List.of(invoice));
    return invoice;
  }

  /** Reads the lines of all these invoices in one query. */
  private void withLines(List<Invoice> invoices) {
    if (invoices.isEmpty()) {
      return;
    }
    Map<UUID, Invoice> byId = new HashMap<>();
    invoices.forEach(i -> byId.put(i.id, i));
    List<InvoiceLine> lines =
        db.list(
            InvoiceLine.TABLE.select()
                + " WHERE invoice_id = ANY (?) ORDER BY invoice_id, position",
            InvoiceLine.TABLE.mapper(),
            (Object) byId.keySet().toArray(UUID[]::new));
    lines.forEach(line -> byId.get(line.invoiceId).lines.add(line));
  }

  private void insertLines(Invoice i) {
    for (int position = 0; position < i.lines.size(); position++) {
      i.lines.get(position).invoiceId = i.id;
      i.lines.get(position).position = position;
    }
    db.insertAll(InvoiceLine.TABLE, i.lines);
  }

  private void apply(Invoice i, InvoiceRequest r) {
    if (!db.exists("subscribers", r.subscriberId())) {
      throw ProblemException.invalid("subscriberId", "must name an existing subscriber");
    }
    i.number = r.number();
    i.subscriberId = r.subscriberId();
    i.currency = r.currency();
    i.dueDate = r.dueDate();
    i.lines = r.lines().stream().map(InvoiceService::line).toList();
    i.total =
        i.lines.stream().map(InvoiceService::amountOf).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
