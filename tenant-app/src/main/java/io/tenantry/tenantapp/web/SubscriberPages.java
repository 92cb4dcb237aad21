package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberView;
import io.tenantry.tenantapp.subscribers.SubscriberService;
import io.tenantry.tenantapp.subscribers.SubscriberStatus;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Subscribers: the list, a new subscriber, a subscriber's page, activating, suspending and more.
 */
@Path("/app/subscribers")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SubscriberPages {

  private static final String READ = "subscribers:read";
  private static final String WRITE = "subscribers:write";

  private final SubscriberService subscribers;
  private final ListPage lists;
  private final RecordPages records;
  private final Pages pages;
  private final CurrentStaff current;

  SubscriberPages(
      SubscriberService subscribers,
      ListPage lists,
      RecordPages records,
      Pages pages,
      CurrentStaff current) {
    this.subscribers = subscribers;
    this.lists = lists;
    this.records = records;
    this.pages = pages;
    this.current = current;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String servicePlan,
      @RestQuery String email,
      @RestQuery String sort,
      @RestQuery String cursor) {
    records.read(null, READ);
    String order = ListPage.order(sort, "name");
    Page<SubscriberView> page =
        subscribers.list(
            new SubscriberService.Filter(
                Enums.parse(SubscriberStatus.class, "status", Views.blankToNull(status)),
                Views.blankToNull(servicePlan),
                Views.blankToNull(email)),
            order,
            Views.blankToNull(cursor),
            ListPage.PAGE_SIZE);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", status);
    params.put("servicePlan", servicePlan);
    params.put("email", email);
    params.put("sort", order);
    List<FilterField> filters =
        List.of(
            FilterField.select("status", "Status", status, Views.anyOf(SubscriberStatus.values())),
            FilterField.input("servicePlan", "Service plan", "text", servicePlan),
            FilterField.input("email", "E-mail", "email", email),
            FilterField.select(
                "sort",
                "Sort by",
                order,
                Views.sorts(
                    Map.of("name", "Name", "accountNumber", "Account", "createdAt", "Created"))));
    return lists
        .render(
            "subscribers",
            "Subscribers",
            "/app/subscribers",
            filters,
            List.of("Name", "Account", "E-mail", "Plan", "Status"),
            page,
            s ->
                new Row(
                    "/app/subscribers/" + s.id(),
                    List.of(
                        s.name(),
                        s.accountNumber(),
                        s.email(),
                        s.servicePlan(),
                        s.status().toString())),
            params,
            cursor)
        .data("newHref", current.can(WRITE) ? "/app/subscribers/new" : null)
        .data("newLabel", "New subscriber");
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    records.read(null, READ);
    return page(subscribers.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    records.write(null, csrf, WRITE);
    return records.change(
        () -> {
          SubscriberView changed =
              subscribers.changeStatus(id, Enums.parse(SubscriberStatus.class, "status", status));
          return page(changed, Map.of(), "Status is now " + changed.status() + ".");
        },
        errors -> page(subscribers.get(id), errors, null));
  }

  private TemplateInstance page(SubscriberView s, Map<String, String> errors, String notice) {
    return records.detail(
        "subscribers",
        s.name(),
        props(s),
        records.transitions(
            WRITE,
            s.status().next(),
            "/app/subscribers/" + s.id() + "/status",
            SubscriberPages::label,
            to -> to == SubscriberStatus.terminated || to == SubscriberStatus.disconnected),
        errors,
        notice);
  }

  private List<Prop> props(SubscriberView s) {
    List<Prop> props =
        new ArrayList<>(
            List.of(
                Prop.of("Account", s.accountNumber()),
                Prop.of("Status", s.status()),
                Prop.of("E-mail", s.email()),
                Prop.of("Phone", s.phone()),
                Prop.of("Address", s.address()),
                Prop.of("Service plan", s.servicePlan()),
                Prop.of("RADIUS username", s.radiusUsername()),
                Prop.of("Created", s.createdAt())));
    if (pages.feature("invoicing") && current.can("billing:read")) {
      props.add(
          new Prop("Invoices", "Invoices of " + s.name(), "/app/invoices?subscriberId=" + s.id()));
    }
    if (current.can("devices:read")) {
      props.add(
          new Prop("Devices", "Devices of " + s.name(), "/app/devices?subscriberId=" + s.id()));
    }
    return props;
  }

  private static String label(SubscriberStatus to) {
    return switch (to) {
      case active -> "Activate";
      case suspended -> "Suspend";
      case disconnected -> "Disconnect";
      case terminated -> "Terminate";
      case pending -> "Back to pending";
    };
  }
}
