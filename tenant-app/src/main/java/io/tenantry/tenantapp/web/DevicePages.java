package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceRequest;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceView;
import io.tenantry.tenantapp.devices.DeviceService;
import io.tenantry.tenantapp.devices.DeviceStatus;
import io.tenantry.tenantapp.devices.DeviceType;
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

/** Devices: the list, a new device, a device's page, status changes and assigning it. */
@Path("/app/devices")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DevicePages {

  private static final String READ = "devices:read";
  private static final String WRITE = "devices:write";

  private final DeviceService devices;
  private final SubscriberLookup lookup;
  private final ListPage lists;
  private final RecordPages records;
  private final CurrentStaff current;

  DevicePages(
      DeviceService devices,
      SubscriberLookup lookup,
      ListPage lists,
      RecordPages records,
      CurrentStaff current) {
    this.devices = devices;
    this.lookup = lookup;
    this.lists = lists;
    this.records = records;
    this.current = current;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String status,
      @RestQuery String deviceType,
      @RestQuery String subscriberId,
      @RestQuery String mac,
      @RestQuery String sort,
      @RestQuery String cursor) {
    records.read(null, READ);
    String order = ListPage.order(sort, "-createdAt");
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
    return lists
        .render(
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
            cursor)
        .data("newHref", current.can(WRITE) ? "/app/devices/new" : null)
        .data("newLabel", "New device");
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    records.read(null, READ);
    return page(devices.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/status")
  public Response changeStatus(UUID id, @RestForm("_csrf") String csrf, @RestForm String status) {
    records.write(null, csrf, WRITE);
    return records.change(
        () -> {
          DeviceView changed =
              devices.changeStatus(id, Enums.parse(DeviceStatus.class, "status", status));
          return page(changed, Map.of(), "Status is now " + changed.status() + ".");
        },
        errors -> page(devices.get(id), errors, null));
  }

  /** Assigning is the API's device update with the subscriber changed and all else kept. */
  @POST
  @Path("{id}/assign")
  public Response assign(UUID id, @RestForm("_csrf") String csrf, @RestForm String account) {
    records.write(null, csrf, WRITE);
    return records.change(
        () -> {
          DeviceView d = devices.get(id);
          UUID subscriberId = lookup.byIdentifier("account", account);
          DeviceView changed =
              devices.update(
                  id,
                  new DeviceRequest(
                      d.serialNumber(), d.macAddress(), d.deviceType().toString(), subscriberId));
          return page(changed, Map.of(), "Device assigned.");
        },
        errors -> page(devices.get(id), errors, null));
  }

  private TemplateInstance page(DeviceView d, Map<String, String> errors, String notice) {
    return records
        .detail(
            "devices",
            "Device " + d.serialNumber(),
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
                Prop.of("Created", d.createdAt())),
            records.transitions(
                WRITE,
                d.status().next(),
                "/app/devices/" + d.id() + "/status",
                to -> "Mark " + to.toString().replace('_', ' '),
                to -> to == DeviceStatus.retired),
            errors,
            notice)
        .data("assignUrl", current.can(WRITE) ? "/app/devices/" + d.id() + "/assign" : null);
  }
}
