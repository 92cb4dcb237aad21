package io.tenantry.tenantapp.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "invoices")
public class Invoice extends PanacheEntityBase {

  @Id public UUID id;

  public String number;

  @Column(name = "subscriber_id")
  public UUID subscriberId;

  public String currency;

  /** Sum of the lines, kept so lists and reports need not join them. */
  public BigDecimal total;

  @Convert(converter = InvoiceStatus.DbConverter.class)
  public InvoiceStatus status;

  @Column(name = "due_date")
  public LocalDate dueDate;

  @Column(name = "created_at")
  public Instant createdAt;

  @ElementCollection
  @CollectionTable(name = "invoice_lines", joinColumns = @JoinColumn(name = "invoice_id"))
  @OrderColumn(name = "position")
  public List<InvoiceLine> lines = new ArrayList<>();
}
