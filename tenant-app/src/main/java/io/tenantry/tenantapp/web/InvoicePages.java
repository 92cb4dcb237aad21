package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceView;
import io.tenantry.tenantapp.billing.InvoiceService;
import io.tenantry.tenantapp.billing.InvoiceStatus;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.subscribers.SubscriberService;
import io.tenantry.tenantapp.web.Views.FilterField;
import io.tenantry.tenantapp.web.Views.Prop;
import io.tenantry.tenantapp.web.Views.Row;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Invoices: the list, an invoice's page, issue, pay and void (the new-invoice form is beside). */
@Path("/app/invoices")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InvoicePages {

  private static final String FEATURE = "invoicing";

  private static final String WRITE = "billing:write";

  private final InvoiceService invoices;
  private final SubscriberService subscribers;
  private final ListPage lists;
  private final RecordPages records;
  private final CurrentStaff current;

  InvoicePages(
      InvoiceService invoices,
      SubscriberService subscribers,
      ListPage lists,
      RecordPages records,
      CurrentStaff current) {
    this.invoices = invoices;
    this.subscribers = subscribers;
    this.lists = lists;
    this.records = records;
    this.current = current;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String subscriberId,
      @RestQuery String dueBefore,
      @RestQuery String sort,
      @RestQuery String cursor) {
    records.read(FEATURE, "billing:read");
    String order = ListPage.order(sort, "-createdAt");
    InvoiceService.Filter filter =
        new InvoiceService.Filter(
            Enums.parse(InvoiceStatus.class, "status", Views.blankToNull(status)),
            Views.uuid("subscriberId", subscriberId),
            date("dueBefore", dueBefore));
    Page<InvoiceView> page =
        invoices.list(filter, order, Views.blankToNull(cursor), ListPage.PAGE_SIZE);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", status);
    params.put("subscriberId", subscriberId);
    params.put("dueBefore", dueBefore);
    params.put("sort", order);
    List<FilterField> filters =
        List.of(
            FilterField.select("status", "Status", status, Views.anyOf(InvoiceStatus.values())),
            FilterField.input("dueBefore", "Due before", "date", dueBefore),
            FilterField.select(
                "sort",
                "Sort by",
                order,
                Views.sorts(Map.of("createdAt", "Created", "dueDate", "Due", "number", "Number"))));
    return lists
        .render(
            "invoices",
            "Invoices",
            "/app/invoices",
            filters,
            List.of("Number", "Total", "Status", "Due", "Created"),
            page,
            i ->
                new Row(
                    "/app/invoices/" + i.id(),
                    List.of(
                        i.number(),
                        i.total() + " " + i.currency(),
                        i.status().toString(),
                        i.dueDate().toString(),
                        i.createdAt().toString())),
            params,
            cursor)
        .data("newHref", current.can(WRITE) ? "/app/invoices/new" : null)
        .data("newLabel", "New invoice");
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    records.read(FEATURE, "billing:read");
    return page(invoices.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    records.write(FEATURE, csrf, WRITE);
    return records.change(
        () -> {
          InvoiceView changed =
              invoices.changeStatus(id, Enums.parse(InvoiceStatus.class, "status", status));
          return page(changed, Map.of(), "Invoice is now " + changed.status() + ".");
        },
        errors -> page(invoices.get(id), errors, null));
  }

  TemplateInstance page(InvoiceView i, Map<String, String> errors, String notice) {
    var subscriber = subscribers.get(i.subscriberId());
    return records
        .detail(
            "invoices",
            "Invoice " + i.number(),
            List.of(
                Prop.of("Status", i.status()),
                new Prop(
                    "Subscriber",
                    subscriber.name() + " (" + subscriber.accountNumber() + ")",
                    "/app/subscribers/" + subscriber.id()),
                Prop.of("Total", i.total() + " " + i.currency()),
                Prop.of("Due", i.dueDate()),
                Prop.of("Created", i.createdAt())),
            records.transitions(
                WRITE,
                i.status().next(),
                "/app/invoices/" + i.id() + "/status",
                InvoicePages::label,
                to -> to == InvoiceStatus.void_),
            errors,
            notice)
        .data("lines", i.lines());
  }

  private static String label(InvoiceStatus to) {
    return switch (to) {
      case issued -> "Issue";
      case paid -> "Mark paid";
      case overdue -> "Mark overdue";
      case void_ -> "Void";
      case draft -> "Back to draft";
    };
  }

  private static LocalDate date(String field, String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be a date such as 2026-01-31");
    }
  }
}
