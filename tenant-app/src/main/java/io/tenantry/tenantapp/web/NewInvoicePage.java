package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceRequest;
import io.tenantry.tenantapp.billing.InvoiceDtos.LineRequest;
import io.tenantry.tenantapp.billing.InvoiceService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The new-invoice form: the API's {@link InvoiceRequest} and its rules, filled in by people (the
 * subscriber by account number, lines as rows). A created invoice is a draft, issued from its page.
 */
@Path("/app/invoices/new")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NewInvoicePage {

  /** A line as typed, shown again when the form comes back with errors. */
  public record LineInput(String description, String quantity, String unitPrice) {}

  private final InvoiceService invoices;
  private final SubscriberLookup lookup;
  private final Pages pages;
  private final Template form;
  private final CurrentStaff current;
  private final Forms forms;
  private final RecordPages records;

  NewInvoicePage(
      InvoiceService invoices,
      SubscriberLookup lookup,
      Pages pages,
      @Location("app/invoice-new.html") Template form,
      CurrentStaff current,
      Forms forms,
      RecordPages records) {
    this.invoices = invoices;
    this.lookup = lookup;
    this.pages = pages;
    this.form = form;
    this.current = current;
    this.forms = forms;
    this.records = records;
  }

  @GET
  public TemplateInstance form(@RestQuery String account) {
    pages.requireFeature("invoicing");
    current.require("billing:write");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("account", account == null ? "" : account);
    values.put("currency", "USD");
    values.put("dueDate", LocalDate.now().plusDays(14).toString());
    return render(values, List.of(new LineInput("", "1", "")), Map.of());
  }

  @POST
  public Response create(
      @RestForm("_csrf") String csrf,
      @RestForm String number,
      @RestForm String account,
      @RestForm String currency,
      @RestForm String dueDate,
      @RestForm List<String> description,
      @RestForm List<String> quantity,
      @RestForm List<String> unitPrice) {
    pages.requireFeature("invoicing");
    current.checkCsrf(csrf);
    current.require("billing:write");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("number", number);
    values.put("account", account);
    values.put("currency", currency);
    values.put("dueDate", dueDate);
    List<LineInput> typed = lines(description, quantity, unitPrice);
    Map<String, String> errors = new LinkedHashMap<>();
    UUID subscriberId = null;
    try {
      subscriberId = lookup.byIdentifier("account", account);
    } catch (ProblemException e) {
      errors.putAll(Forms.errorsOf(e));
    }
    InvoiceRequest request =
        new InvoiceRequest(
            blank(number),
            subscriberId,
            blank(currency),
            date(dueDate, errors),
            java.util.stream.IntStream.range(0, typed.size())
                .mapToObj(i -> line(typed.get(i), i, errors))
                .toList());
    forms.validate(request).forEach((field, rule) -> errors.putIfAbsent(label(field), rule));
    errors.remove("subscriberId");
    return records.create(
        "invoice",
        errors,
        () -> "/app/invoices/" + invoices.create(request).id(),
        found -> render(values, typed, found));
  }

  private TemplateInstance render(
      Map<String, String> values, List<LineInput> lines, Map<String, String> errors) {
    List<String> lineErrors =
        errors.entrySet().stream()
            .filter(e -> e.getKey().startsWith("line "))
            .map(e -> e.getKey() + ": " + e.getValue())
            .toList();
    return pages
        .page(form, "invoices", "New invoice")
        .data("values", values)
        .data("lines", lines)
        .data("errors", errors)
        .data("lineErrors", lineErrors);
  }

  /** Rows left entirely blank are not lines. */
  private static List<LineInput> lines(
      List<String> description, List<String> quantity, List<String> unitPrice) {
    List<LineInput> lines = new ArrayList<>();
    int rows = Math.max(size(description), Math.max(size(quantity), size(unitPrice)));
    for (int i = 0; i < rows; i++) {
      LineInput line = new LineInput(at(description, i), at(quantity, i), at(unitPrice, i));
      if (!line.description().isBlank() || !line.unitPrice().isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static LineRequest line(LineInput in, int index, Map<String, String> errors) {
    return new LineRequest(
        blank(in.description()),
        number(in.quantity(), "line " + (index + 1) + " quantity", errors),
        number(in.unitPrice(), "line " + (index + 1) + " unit price", errors));
  }

  /** "lines[0].unitPrice" → "line 1 unit price"; other fields keep the API's name. */
  private static String label(String path) {
    var m = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.(\\w+)").matcher(path);
    if (!m.matches()) {
      return path;
    }
    String field = m.group(2).equals("unitPrice") ? "unit price" : m.group(2);
    return "line " + (Integer.parseInt(m.group(1)) + 1) + " " + field;
  }

  private static BigDecimal number(String value, String field, Map<String, String> errors) {
    try {
      return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      errors.put(field, "must be a number such as 49.99");
      return null;
    }
  }

  private static LocalDate date(String value, Map<String, String> errors) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put("dueDate", "must be a date such as 2026-01-31");
      return null;
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int size(List<String> values) {
    return values == null ? 0 : values.size();
  }

  private static String at(List<String> values, int i) {
    return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
  }
}
