package io.tenantry.tenantapp.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for invoices. Amounts are decimals, never floating point. */
public final class InvoiceDtos {

  private InvoiceDtos() {}

  public record LineRequest(
      @NotBlank @Size(max = 200) String description,
      @NotNull @DecimalMin(value = "0.001") @Digits(integer = 9, fraction = 3) BigDecimal quantity,
      @NotNull @DecimalMin(value = "0") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {}

  public record InvoiceRequest(
      @NotBlank @Pattern(regexp = "[A-Z0-9-]{3,32}", message = "must be 3-32 of A-Z, 0-9 and -")
          String number,
      @NotNull UUID subscriberId,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
          String currency,
      @NotNull LocalDate dueDate,
      @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines) {}

  public record LineView(
      String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}

  public record InvoiceView(
      UUID id,
      String number,
      UUID subscriberId,
      String currency,
      BigDecimal total,
      InvoiceStatus status,
      LocalDate dueDate,
      Instant createdAt,
      List<LineView> lines) {

    static InvoiceView of(Invoice i) {
      return new InvoiceView(
          i.id,
          i.number,
          i.subscriberId,
          i.currency,
          i.total,
          i.status,
          i.dueDate,
          i.createdAt,
          i.lines.stream()
              .map(
                  l ->
                      new LineView(
                          l.description, l.quantity, l.unitPrice, InvoiceService.amountOf(l)))
              .toList());
    }
  }
}
