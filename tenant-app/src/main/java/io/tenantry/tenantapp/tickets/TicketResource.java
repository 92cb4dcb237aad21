package io.tenantry.tenantapp.tickets;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.StatusChange;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.entitlements.RequiresFeature;
import io.tenantry.tenantapp.tickets.TicketDtos.MessageRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketRequest;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketView;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/tickets")
@RequiresFeature("support-tickets")
public class TicketResource {

  private final TicketService service;
  private final SecurityIdentity identity;

  TicketResource(TicketService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @POST
  @PermissionsAllowed("tickets:write")
  public Response create(@Valid @NotNull TicketRequest body) {
    TicketView created = service.create(body);
    return Response.created(URI.create("/api/v1/tickets/" + created.id())).entity(created).build();
  }

  @GET
  @PermissionsAllowed("tickets:read")
  public Page<TicketView> list(
      @QueryParam("status") String status,
      @QueryParam("priority") String priority,
      @QueryParam("assigneeId") UUID assigneeId,
      @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    TicketService.Filter filter =
        new TicketService.Filter(
            Enums.parse(TicketStatus.class, "status", status),
            Enums.parse(TicketPriority.class, "priority", priority),
            assigneeId);
    return service.list(filter, sort, cursor, limit);
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed("tickets:read")
  public TicketView get(UUID id) {
    return service.get(id);
  }

  @PUT
  @Path("{id}")
  @PermissionsAllowed("tickets:write")
  public TicketView update(UUID id, @Valid @NotNull TicketRequest body) {
    return service.update(id, body);
  }

  @POST
  @Path("{id}/status")
  @PermissionsAllowed("tickets:write")
  public TicketView changeStatus(UUID id, @Valid @NotNull StatusChange body) {
    return service.changeStatus(id, body.as(TicketStatus.class));
  }

  @POST
  @Path("{id}/messages")
  @PermissionsAllowed("tickets:write")
  public TicketView addMessage(UUID id, @Valid @NotNull MessageRequest body) {
    return service.addMessage(
        id, UUID.fromString(((JsonWebToken) identity.getPrincipal()).getSubject()), body);
  }
}
