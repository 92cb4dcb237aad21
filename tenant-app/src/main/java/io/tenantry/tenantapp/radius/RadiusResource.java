package io.tenantry.tenantapp.radius;

import io.quarkus.security.PermissionsAllowed;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.entitlements.RequiresFeature;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionStart;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionUsage;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionView;
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

@Path("/api/v1/radius/sessions")
@RequiresFeature("radius-sessions")
public class RadiusResource {

  private final RadiusService service;

  RadiusResource(RadiusService service) {
    this.service = service;
  }

  @POST
  @PermissionsAllowed("radius:write")
  public Response start(@Valid @NotNull SessionStart body) {
    SessionView started = service.start(body);
    return Response.created(URI.create("/api/v1/radius/sessions/" + started.id()))
        .entity(started)
        .build();
  }

  @GET
  @PermissionsAllowed("radius:read")
  public Page<SessionView> list(
      @QueryParam("username") String username,
      @QueryParam("active") Boolean active,
      @QueryParam("sort") @DefaultValue("startedAt") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return service.list(new RadiusService.Filter(username, active), sort, cursor, limit);
  }

  @GET
  @Path("active")
  @PermissionsAllowed("radius:read")
  public Page<SessionView> active(
      @QueryParam("username") String username,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return service.list(new RadiusService.Filter(username, true), "startedAt", cursor, limit);
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed("radius:read")
  public SessionView get(UUID id) {
    return service.get(id);
  }

  @PUT
  @Path("{id}/usage")
  @PermissionsAllowed("radius:write")
  public SessionView recordUsage(UUID id, @Valid @NotNull SessionUsage body) {
    return service.recordUsage(id, body);
  }

  @POST
  @Path("{id}/disconnect")
  @PermissionsAllowed("radius:write")
  public SessionView disconnect(UUID id) {
    return service.disconnect(id);
  }
}
