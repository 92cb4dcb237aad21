package io.tenantry.tenantapp.billing;

import java.math.BigDecimal;

/** One line of an invoice, a row of {@code invoice_lines}. */
public record InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice) {}
