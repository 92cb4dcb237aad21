package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceView;
import io.tenantry.tenantapp.billing.InvoiceService;
import io.tenantry.tenantapp.billing.InvoiceStatus;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.subscribers.SubscriberService;
import io.tenantry.tenantapp.web.Views.Action;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Invoices: the list, an invoice's page, issue, pay and void (the new-invoice form is beside). */
@Path("/app/invoices")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InvoicePages {

  private static final String FEATURE = "invoicing";

  private final InvoiceService invoices;
  private final SubscriberService subscribers;
  private final ListPage lists;
  private final Pages pages;
  private final Template detail;
  private final CurrentStaff current;
  private final WebErrors errors;

  InvoicePages(
      InvoiceService invoices,
      SubscriberService subscribers,
      ListPage lists,
      Pages pages,
      @Location("app/detail.html") Template detail,
      CurrentStaff current,
      WebErrors errors) {
    this.invoices = invoices;
    this.subscribers = subscribers;
    this.lists = lists;
    this.pages = pages;
    this.detail = detail;
    this.current = current;
    this.errors = errors;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String subscriberId,
      @RestQuery String dueBefore,
      @RestQuery String sort,
      @RestQuery String cursor) {
    pages.requireFeature(FEATURE);
    current.require("billing:read");
    String order = sort == null || sort.isBlank() ? "-createdAt" : sort;
    InvoiceService.Filter filter =
        new InvoiceService.Filter(
            Enums.parse(InvoiceStatus.class, "status", Views.blankToNull(status)),
            uuid("subscriberId", subscriberId),
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
            cursor != null && !cursor.isBlank())
        .data("newHref", current.can("billing:write") ? "/app/invoices/new" : null)
        .data("newLabel", "New invoice");
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    pages.requireFeature(FEATURE);
    current.require("billing:read");
    return page(invoices.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    pages.requireFeature(FEATURE);
    current.checkCsrf(csrf);
    current.require("billing:write");
    try {
      InvoiceView changed =
          invoices.changeStatus(id, Enums.parse(InvoiceStatus.class, "status", status));
      return Response.ok(page(changed, Map.of(), "Invoice is now " + changed.status() + "."))
          .build();
    } catch (ProblemException e) {
      if (e.problem().status() == 404) {
        throw e;
      }
      return Response.status(e.problem().status())
          .entity(page(invoices.get(id), Forms.errorsOf(e), null))
          .build();
    }
  }

  TemplateInstance page(InvoiceView i, Map<String, String> errors, String notice) {
    List<Action> actions =
        current.can("billing:write")
            ? i.status().next().stream()
                .sorted()
                .map(
                    to ->
                        new Action(
                            "/app/invoices/" + i.id() + "/status",
                            label(to),
                            to.toString(),
                            to == InvoiceStatus.void_))
                .toList()
            : List.of();
    var subscriber = subscribers.get(i.subscriberId());
    return pages
        .page(detail, "invoices", "Invoice " + i.number())
        .data(
            "props",
            List.of(
                Prop.of("Status", i.status()),
                new Prop(
                    "Subscriber",
                    subscriber.name() + " (" + subscriber.accountNumber() + ")",
                    "/app/subscribers/" + subscriber.id()),
                Prop.of("Total", i.total() + " " + i.currency()),
                Prop.of("Due", i.dueDate()),
                Prop.of("Created", i.createdAt())))
        .data("lines", i.lines())
        .data("actions", actions)
        .data("errors", errors)
        .data("notice", notice);
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

  private static UUID uuid(String field, String value) {
    try {
      return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, "must be a UUID");
    }
  }

  private static LocalDate date(String field, String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be a date such as 2026-01-31");
    }
  }

  @ServerExceptionMapper
  Response problem(ProblemException e) {
    return errors.page(e);
  }
}
