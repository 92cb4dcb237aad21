package io.tenantry.tenantapp.devices;

import io.quarkus.security.PermissionsAllowed;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.StatusChange;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceRequest;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/devices")
public class DeviceResource {

  private final DeviceService service;

  DeviceResource(DeviceService service) {
    this.service = service;
  }

  @POST
  @PermissionsAllowed("devices:write")
  public Response create(@Valid @NotNull DeviceRequest body) {
    DeviceView created = service.create(body);
    return Response.created(URI.create("/api/v1/devices/" + created.id())).entity(created).build();
  }

  @GET
  @PermissionsAllowed("devices:read")
  public Page<DeviceView> list(
      @QueryParam("status") String status,
      @QueryParam("deviceType") String deviceType,
      @QueryParam("subscriberId") UUID subscriberId,
      @QueryParam("mac") String mac,
      @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    DeviceService.Filter filter =
        new DeviceService.Filter(
            Enums.parse(DeviceStatus.class, "status", status),
            Enums.parse(DeviceType.class, "deviceType", deviceType),
            subscriberId,
            mac);
    return service.list(filter, sort, cursor, limit);
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed("devices:read")
  public DeviceView get(UUID id) {
    return service.get(id);
  }

  @PUT
  @Path("{id}")
  @PermissionsAllowed("devices:write")
  public DeviceView update(UUID id, @Valid @NotNull DeviceRequest body) {
    return service.update(id, body);
  }

  @POST
  @Path("{id}/status")
  @PermissionsAllowed("devices:write")
  public DeviceView changeStatus(UUID id, @Valid @NotNull StatusChange body) {
    return service.changeStatus(id, body.as(DeviceStatus.class));
  }
}
