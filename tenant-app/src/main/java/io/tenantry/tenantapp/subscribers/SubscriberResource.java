package io.tenantry.tenantapp.subscribers;

import io.quarkus.security.PermissionsAllowed;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.StatusChange;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberRequest;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberView;
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

@Path("/api/v1/subscribers")
public class SubscriberResource {

  private final SubscriberService service;

  SubscriberResource(SubscriberService service) {
    this.service = service;
  }

  @POST
  @PermissionsAllowed("subscribers:write")
  public Response create(@Valid @NotNull SubscriberRequest body) {
    SubscriberView created = service.create(body);
    return Response.created(URI.create("/api/v1/subscribers/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  @PermissionsAllowed("subscribers:read")
  public Page<SubscriberView> list(
      @QueryParam("status") String status,
      @QueryParam("servicePlan") String servicePlan,
      @QueryParam("email") String email,
      @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return service.list(
        new SubscriberService.Filter(
            Enums.parse(SubscriberStatus.class, "status", status), servicePlan, email),
        sort,
        cursor,
        limit);
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed("subscribers:read")
  public SubscriberView get(UUID id) {
    return service.get(id);
  }

  @PUT
  @Path("{id}")
  @PermissionsAllowed("subscribers:write")
  public SubscriberView update(UUID id, @Valid @NotNull SubscriberRequest body) {
    return service.update(id, body);
  }

  @POST
  @Path("{id}/status")
  @PermissionsAllowed("subscribers:write")
  public SubscriberView changeStatus(UUID id, @Valid @NotNull StatusChange body) {
    return service.changeStatus(id, body.as(SubscriberStatus.class));
  }
}
