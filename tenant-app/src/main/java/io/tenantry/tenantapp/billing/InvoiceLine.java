package io.tenantry.tenantapp.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public class InvoiceLine {

  public String description;
  public BigDecimal quantity;

  @Column(name = "unit_price")
  public BigDecimal unitPrice;
}
