package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.identity.StaffService;
import io.tenantry.tenantapp.tickets.TicketDtos.MessageRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketView;
import io.tenantry.tenantapp.tickets.TicketPriority;
import io.tenantry.tenantapp.tickets.TicketService;
import io.tenantry.tenantapp.tickets.TicketStatus;
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

/**
 * Support tickets: the list, a new ticket, a ticket's page with its comments, status changes, new
 * comments.
 */
@Path("/app/tickets")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TicketPages {

  private static final String FEATURE = "support-tickets";
  private static final String READ = "tickets:read";
  private static final String WRITE = "tickets:write";

  private final TicketService tickets;
  private final StaffService staff;
  private final ListPage lists;
  private final RecordPages records;
  private final CurrentStaff current;
  private final Forms forms;

  TicketPages(
      TicketService tickets,
      StaffService staff,
      ListPage lists,
      RecordPages records,
      CurrentStaff current,
      Forms forms) {
    this.tickets = tickets;
    this.staff = staff;
    this.lists = lists;
    this.records = records;
    this.current = current;
    this.forms = forms;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String priority,
      @RestQuery String assigneeId,
      @RestQuery String sort,
      @RestQuery String cursor) {
    records.read(FEATURE, READ);
    String order = ListPage.order(sort, "-createdAt");
    var page =
        tickets.list(
            new TicketService.Filter(
                Enums.parse(TicketStatus.class, "status", Views.blankToNull(status)),
                Enums.parse(TicketPriority.class, "priority", Views.blankToNull(priority)),
                Views.uuid("assigneeId", assigneeId)),
            order,
            Views.blankToNull(cursor),
            ListPage.PAGE_SIZE);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", status);
    params.put("priority", priority);
    params.put("assigneeId", assigneeId);
    params.put("sort", order);
    List<FilterField> filters =
        List.of(
            FilterField.select("status", "Status", status, Views.anyOf(TicketStatus.values())),
            FilterField.select(
                "priority", "Priority", priority, Views.anyOf(TicketPriority.values())),
            FilterField.select(
                "assigneeId", "Assignee", assigneeId, Views.staffOptions("Any", staff.list())),
            FilterField.select(
                "sort",
                "Sort by",
                order,
                Views.sorts(Map.of("createdAt", "Created", "subject", "Subject"))));
    return lists
        .render(
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
            cursor)
        .data("newHref", current.can(WRITE) ? "/app/tickets/new" : null)
        .data("newLabel", "New ticket");
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    records.read(FEATURE, READ);
    return page(tickets.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    records.write(FEATURE, csrf, WRITE);
    return records.change(
        () -> {
          TicketView changed =
              tickets.changeStatus(id, Enums.parse(TicketStatus.class, "status", status));
          return page(changed, Map.of(), "Status is now " + changed.status() + ".");
        },
        errors -> page(tickets.get(id), errors, null));
  }

  @POST
  @Path("{id}/comments")
  public Response comment(UUID id, @RestForm("_csrf") String csrf, @RestForm String body) {
    SignedIn me = records.write(FEATURE, csrf, WRITE);
    MessageRequest request = new MessageRequest(body);
    Map<String, String> fieldErrors = forms.validate(request);
    if (!fieldErrors.isEmpty()) {
      return Response.status(400).entity(page(tickets.get(id), fieldErrors, null)).build();
    }
    return records.change(
        () -> page(tickets.addMessage(id, me.userId(), request), Map.of(), "Comment added."),
        errors -> page(tickets.get(id), errors, null));
  }

  private String assigneeName(UUID assigneeId) {
    return assigneeId == null
        ? "nobody yet"
        : staff.list().stream()
            .filter(u -> u.id().equals(assigneeId))
            .map(u -> u.displayName())
            .findFirst()
            .orElse("a former staff member");
  }

  private TemplateInstance page(TicketView t, Map<String, String> errors, String notice) {
    boolean write = current.can(WRITE);
    return records
        .detail(
            "tickets",
            t.subject(),
            List.of(
                Prop.of("Status", t.status()),
                Prop.of("Priority", t.priority()),
                t.subscriberId() == null
                    ? Prop.of("Subscriber", "none")
                    : new Prop(
                        "Subscriber", "Subscriber's page", "/app/subscribers/" + t.subscriberId()),
                Prop.of("Assignee", assigneeName(t.assigneeId())),
                Prop.of("Created", t.createdAt())),
            records.transitions(
                WRITE,
                t.status().next(),
                "/app/tickets/" + t.id() + "/status",
                to -> "Mark " + to.toString().replace('_', ' '),
                to -> to == TicketStatus.closed),
            errors,
            notice)
        .data("comments", true)
        .data("messages", t.messages())
        .data(
            "commentUrl",
            write && t.status() != TicketStatus.closed
                ? "/app/tickets/" + t.id() + "/comments"
                : null);
  }
}
