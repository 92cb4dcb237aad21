package io.tenantry.tenantapp.billing;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.INTEGER;
import static io.tenantry.tenantapp.db.Column.Reader.NUMERIC;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;

import io.tenantry.tenantapp.db.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an invoice, a row of {@code invoice_lines}; an invoice's lines are replaced as a
 * whole, never updated one by one.
 */
public class InvoiceLine {

  static final Table<InvoiceLine> TABLE =
      Table.of("invoice_lines", "invoice line", InvoiceLine::new)
          .fixed("invoice_id", ID, l -> l.invoiceId, (l, v) -> l.invoiceId = v)
          .fixed("position", INTEGER, l -> l.position, (l, v) -> l.position = v)
          .fixed("description", TEXT, l -> l.description, (l, v) -> l.description = v)
          .fixed("quantity", NUMERIC, l -> l.quantity, (l, v) -> l.quantity = v)
          .fixed("unit_price", NUMERIC, l -> l.unitPrice, (l, v) -> l.unitPrice = v)
          .build();

  public UUID invoiceId;

  /** 0 for the first line. */
  public int position;

  public String description;
  public BigDecimal quantity;
  public BigDecimal unitPrice;
}
