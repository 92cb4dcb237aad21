package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.identity.StaffService;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketRequest;
import io.tenantry.tenantapp.tickets.TicketPriority;
import io.tenantry.tenantapp.tickets.TicketService;
import io.tenantry.tenantapp.web.Views.Input;
import io.tenantry.tenantapp.web.Views.Option;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The new-ticket form: the API's {@link TicketRequest} and its rules, filled in by people. */
@Path("/app/tickets/new")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NewTicketPage {

  private static final String FEATURE = "support-tickets";
  private static final String WRITE = "tickets:write";

  private final TicketService tickets;
  private final StaffService staff;
  private final SubscriberLookup lookup;
  private final RecordPages records;
  private final Forms forms;

  NewTicketPage(
      TicketService tickets,
      StaffService staff,
      SubscriberLookup lookup,
      RecordPages records,
      Forms forms) {
    this.tickets = tickets;
    this.staff = staff;
    this.lookup = lookup;
    this.records = records;
    this.forms = forms;
  }

  @GET
  public TemplateInstance form() {
    records.read(FEATURE, WRITE);
    return form("", TicketPriority.normal.toString(), "", "", Map.of());
  }

  /**
   * The API's {@link TicketRequest} and its rules; the subscriber, if any, by account number, the
   * assignee chosen among the staff. A new ticket is open.
   */
  @POST
  public Response create(
      @RestForm("_csrf") String csrf,
      @RestForm String subject,
      @RestForm String priority,
      @RestForm String account,
      @RestForm String assigneeId) {
    records.write(FEATURE, csrf, WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    UUID subscriberId = null;
    UUID assignee = null;
    try {
      if (Views.blankToNull(account) != null) {
        subscriberId = lookup.byIdentifier("account", account);
      }
      assignee = Views.uuid("assigneeId", assigneeId);
    } catch (ProblemException e) {
      errors.putAll(Forms.errorsOf(e));
    }
    TicketRequest request =
        new TicketRequest(
            Views.blankToNull(subject), Views.blankToNull(priority), subscriberId, assignee);
    forms.validate(request).forEach(errors::putIfAbsent);
    return records.create(
        "ticket",
        errors,
        () -> "/app/tickets/" + tickets.create(request).id(),
        found -> form(subject, priority, account, assigneeId, found));
  }

  private TemplateInstance form(
      String subject,
      String priority,
      String account,
      String assigneeId,
      Map<String, String> errors) {
    return records.form(
        "tickets",
        "New ticket",
        "/app/tickets/new",
        List.of(
            Input.text("subject", "Subject", subject, true),
            Input.select(
                "priority",
                "Priority",
                priority,
                Arrays.stream(TicketPriority.values())
                    .map(p -> new Option(p.toString(), p.toString()))
                    .toList()),
            Input.text("account", "Subscriber account number", account, false),
            Input.select(
                "assigneeId",
                "Assignee",
                assigneeId,
                Views.staffOptions("Nobody yet", staff.list()))),
        errors,
        "Create ticket");
  }
}
