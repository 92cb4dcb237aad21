package io.tenantry.tenantapp.billing;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Table;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code invoices} with its lines from {@code invoice_lines}, in order. */
public class Invoice {

  static final Table<Invoice> TABLE =
      new Table<>(
          "invoices",
          "invoice",
          "id, number, subscriber_id, currency, total, status, due_date, created_at",
          Invoice::read);

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

  private static Invoice read(ResultSet row) throws SQLException {
    Invoice i = new Invoice();
    i.id = Db.uuid(row, "id");
    i.number = row.getString("number");
    i.subscriberId = Db.uuid(row, "subscriber_id");
    i.currency = row.getString("currency");
    i.total = row.getBigDecimal("total");
    i.status = Db.enumOf(InvoiceStatus.class, row, "status");
    i.dueDate = row.getObject("due_date", LocalDate.class);
    i.createdAt = Db.instant(row, "created_at");
    return i;
  }
}
