package io.tenantry.tenantapp.billing;

import static io.tenantry.tenantapp.db.Column.Reader.DATE;
import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.NUMERIC;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;
import static io.tenantry.tenantapp.db.Column.Reader.enumOf;

import io.tenantry.tenantapp.db.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code invoices} with its lines from {@code invoice_lines}, in order. */
public class Invoice {

  static final Table<Invoice> TABLE =
      Table.of("invoices", "invoice", Invoice::new)
          .key("id", i -> i.id, (i, v) -> i.id = v)
          .column("number", TEXT, i -> i.number, (i, v) -> i.number = v)
          .column("subscriber_id", ID, i -> i.subscriberId, (i, v) -> i.subscriberId = v)
          .column("currency", TEXT, i -> i.currency, (i, v) -> i.currency = v)
          .column("total", NUMERIC, i -> i.total, (i, v) -> i.total = v)
          .column("status", enumOf(InvoiceStatus.class), i -> i.status, (i, v) -> i.status = v)
          .column("due_date", DATE, i -> i.dueDate, (i, v) -> i.dueDate = v)
          .fixed("created_at", TIMESTAMP, i -> i.createdAt, (i, v) -> i.createdAt = v)
          .build();

  public UUID id;
  public String number;
  public UUID subscriberId;
  public String currency;

  /** Sum of the lines, kept so lists and reports need not join them. */
  public BigDecimal total;

  public InvoiceStatus status;
  public LocalDate dueDate;
  public Instant createdAt;
  public List<InvoiceLine> lines = new ArrayList<>();
}
