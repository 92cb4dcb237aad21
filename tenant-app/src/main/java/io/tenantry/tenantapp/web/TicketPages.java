package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.tickets.TicketDtos.MessageRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketView;
import io.tenantry.tenantapp.tickets.TicketPriority;
import io.tenantry.tenantapp.tickets.TicketService;
import io.tenantry.tenantapp.tickets.TicketStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Support tickets: the list, a ticket's page with its comments, status changes, new comments. */
@Path("/app/tickets")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TicketPages {

  private static final String FEATURE = "support-tickets";

  private final TicketService tickets;
  private final ListPage lists;
  private final Pages pages;
  private final Template detail;
  private final CurrentStaff current;
  private final Forms forms;
  private final WebErrors errors;

  TicketPages(
      TicketService tickets,
      ListPage lists,
      Pages pages,
      @Location("app/detail.html") Template detail,
      CurrentStaff current,
      Forms forms,
      WebErrors errors) {
    this.tickets = tickets;
    this.lists = lists;
    this.pages = pages;
    this.detail = detail;
    this.current = current;
    this.forms = forms;
    this.errors = errors;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String priority,
      @RestQuery String sort,
      @RestQuery String cursor) {
    pages.requireFeature(FEATURE);
    current.require("tickets:read");
    String order = sort == null || sort.isBlank() ? "-createdAt" : sort;
    var page =
        tickets.list(
            new TicketService.Filter(
                Enums.parse(TicketStatus.class, "status", Views.blankToNull(status)),
                Enums.parse(TicketPriority.class, "priority", Views.blankToNull(priority)),
                null),
            order,
            Views.blankToNull(cursor),
            ListPage.PAGE_SIZE);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", status);
    params.put("priority", priority);
    params.put("sort", order);
    List<FilterField> filters =
        List.of(
            FilterField.select("status", "Status", status, Views.anyOf(TicketStatus.values())),
            FilterField.select(
                "priority", "Priority", priority, Views.anyOf(TicketPriority.values())),
            FilterField.select(
                "sort",
                "Sort by",
                order,
                Views.sorts(Map.of("createdAt", "Created", "subject", "Subject"))));
    return lists.render(
        "tickets",
        "Tickets",
        "/app/tickets",
        filters,
        List.of("Subject", "Priority", "Status", "Created"),
        page,
        t ->
            new Row(
                "/app/tickets/" + t.id(),
                List.of(
                    t.subject(),
                    t.priority().toString(),
                    t.status().toString(),
                    t.createdAt().toString())),
        params,
        cursor != null && !cursor.isBlank());
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    pages.requireFeature(FEATURE);
    current.require("tickets:read");
    return page(tickets.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    pages.requireFeature(FEATURE);
    current.checkCsrf(csrf);
    current.require("tickets:write");
    try {
      TicketView changed =
          tickets.changeStatus(id, Enums.parse(TicketStatus.class, "status", status));
      return Response.ok(page(changed, Map.of(), "Status is now " + changed.status() + "."))
          .build();
    } catch (ProblemException e) {
      return refused(id, e);
    }
  }

  @POST
  @Path("{id}/comments")
  public Response comment(UUID id, @RestForm("_csrf") String csrf, @RestForm String body) {
    pages.requireFeature(FEATURE);
    current.checkCsrf(csrf);
    SignedIn me = current.require("tickets:write");
    MessageRequest request = new MessageRequest(body);
    Map<String, String> fieldErrors = forms.validate(request);
    if (!fieldErrors.isEmpty()) {
      return Response.status(400).entity(page(tickets.get(id), fieldErrors, null)).build();
    }
    try {
      return Response.ok(
              page(tickets.addMessage(id, me.userId(), request), Map.of(), "Comment added."))
          .build();
    } catch (ProblemException e) {
      return refused(id, e);
    }
  }

  private Response refused(UUID id, ProblemException e) {
    if (e.problem().status() == 404) {
      throw e;
    }
    return Response.status(e.problem().status())
        .entity(page(tickets.get(id), Forms.errorsOf(e), null))
        .build();
  }

  private TemplateInstance page(TicketView t, Map<String, String> errors, String notice) {
    boolean write = current.can("tickets:write");
    List<Action> actions =
        write
            ? t.status().next().stream()
                .sorted()
                .map(
                    to ->
                        new Action(
                            "/app/tickets/" + t.id() + "/status",
                            "Mark " + to.toString().replace('_', ' '),
                            to.toString(),
                            to == TicketStatus.closed))
                .toList()
            : List.of();
    return pages
        .page(detail, "tickets", t.subject())
        .data(
            "props",
            List.of(
                Prop.of("Status", t.status()),
                Prop.of("Priority", t.priority()),
                t.subscriberId() == null
                    ? Prop.of("Subscriber", "none")
                    : new Prop(
                        "Subscriber", "Subscriber's page", "/app/subscribers/" + t.subscriberId()),
                Prop.of("Created", t.createdAt())))
        .data("actions", actions)
        .data("comments", true)
        .data("messages", t.messages())
        .data(
            "commentUrl",
            write && t.status() != TicketStatus.closed
                ? "/app/tickets/" + t.id() + "/comments"
                : null)
        .data("errors", errors)
        .data("notice", notice);
  }

  @ServerExceptionMapper
  Response problem(ProblemException e) {
    return errors.page(e);
  }
}
