package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceRequest;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceView;
import io.tenantry.tenantapp.devices.DeviceService;
import io.tenantry.tenantapp.devices.DeviceStatus;
import io.tenantry.tenantapp.devices.DeviceType;
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

/** Devices: the list, a device's page, status changes and assigning it to a subscriber. */
@Path("/app/devices")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DevicePages {

  private final DeviceService devices;
  private final SubscriberLookup lookup;
  private final ListPage lists;
  private final Pages pages;
  private final Template detail;
  private final CurrentStaff current;
  private final WebErrors errors;

  DevicePages(
      DeviceService devices,
      SubscriberLookup lookup,
      ListPage lists,
      Pages pages,
      @Location("app/detail.html") Template detail,
      CurrentStaff current,
      WebErrors errors) {
    this.devices = devices;
    this.lookup = lookup;
    this.lists = lists;
    this.pages = pages;
    this.detail = detail;
    this.current = current;
    this.errors = errors;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String deviceType,
      @RestQuery String subscriberId,
      @RestQuery String mac,
      @RestQuery String sort,
      @RestQuery String cursor) {
    current.require("devices:read");
    String order = sort == null || sort.isBlank() ? "-createdAt" : sort;
    var page =
        devices.list(
            new DeviceService.Filter(
                Enums.parse(DeviceStatus.class, "status", Views.blankToNull(status)),
                Enums.parse(DeviceType.class, "deviceType", Views.blankToNull(deviceType)),
                Views.uuid("subscriberId", subscriberId),
                Views.blankToNull(mac)),
            order,
            Views.blankToNull(cursor),
            ListPage.PAGE_SIZE);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", status);
    params.put("deviceType", deviceType);
    params.put("subscriberId", subscriberId);
    params.put("mac", mac);
    params.put("sort", order);
    List<FilterField> filters =
        List.of(
            FilterField.select("status", "Status", status, Views.anyOf(DeviceStatus.values())),
            FilterField.select("deviceType", "Type", deviceType, Views.anyOf(DeviceType.values())),
            FilterField.input("mac", "MAC address", "text", mac),
            FilterField.select(
                "sort",
                "Sort by",
                order,
                Views.sorts(Map.of("createdAt", "Created", "serialNumber", "Serial"))));
    return lists.render(
        "devices",
        "Devices",
        "/app/devices",
        filters,
        List.of("Serial", "MAC", "Type", "Status", "Created"),
        page,
        d ->
            new Row(
                "/app/devices/" + d.id(),
                List.of(
                    d.serialNumber(),
                    d.macAddress(),
                    d.deviceType().toString(),
                    d.status().toString(),
                    d.createdAt().toString())),
        params,
        cursor != null && !cursor.isBlank());
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    current.require("devices:read");
    return page(devices.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    current.checkCsrf(csrf);
    current.require("devices:write");
    try {
      DeviceView changed =
          devices.changeStatus(id, Enums.parse(DeviceStatus.class, "status", status));
      return Response.ok(page(changed, Map.of(), "Status is now " + changed.status() + "."))
          .build();
    } catch (ProblemException e) {
      return refused(id, e);
    }
  }

  /** Assigning is the API's device update with the subscriber changed and all else kept. */
  @POST
  @Path("{id}/assign")
  public Response assign(UUID id, @RestForm("_csrf") String csrf, @RestForm String account) {
    current.checkCsrf(csrf);
    current.require("devices:write");
    try {
      DeviceView d = devices.get(id);
      UUID subscriberId = lookup.byIdentifier("account", account);
      DeviceView changed =
          devices.update(
              id,
              new DeviceRequest(
                  d.serialNumber(), d.macAddress(), d.deviceType().toString(), subscriberId));
      return Response.ok(page(changed, Map.of(), "Device assigned.")).build();
    } catch (ProblemException e) {
      return refused(id, e);
    }
  }

  private Response refused(UUID id, ProblemException e) {
    if (e.problem().status() == 404) {
      throw e;
    }
    return Response.status(e.problem().status())
        .entity(page(devices.get(id), Forms.errorsOf(e), null))
        .build();
  }

  private TemplateInstance page(DeviceView d, Map<String, String> errors, String notice) {
    boolean write = current.can("devices:write");
    List<Action> actions =
        write
            ? d.status().next().stream()
                .sorted()
                .map(
                    to ->
                        new Action(
                            "/app/devices/" + d.id() + "/status",
                            "Mark " + to.toString().replace('_', ' '),
                            to.toString(),
                            to == DeviceStatus.retired))
                .toList()
            : List.of();
    return pages
        .page(detail, "devices", "Device " + d.serialNumber())
        .data(
            "props",
            List.of(
                Prop.of("Serial", d.serialNumber()),
                Prop.of("MAC address", d.macAddress()),
                Prop.of("Type", d.deviceType()),
                Prop.of("Status", d.status()),
                d.subscriberId() == null
                    ? Prop.of("Subscriber", "none")
                    : new Prop(
                        "Subscriber",
                        "Assigned subscriber",
                        "/app/subscribers/" + d.subscriberId()),
                Prop.of("Created", d.createdAt())))
        .data("actions", actions)
        .data("assignUrl", write ? "/app/devices/" + d.id() + "/assign" : null)
        .data("errors", errors)
        .data("notice", notice);
  }

  @ServerExceptionMapper
  Response problem(ProblemException e) {
    return errors.page(e);
  }
}
