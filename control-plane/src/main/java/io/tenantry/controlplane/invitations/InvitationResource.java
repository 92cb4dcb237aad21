package io.tenantry.controlplane.invitations;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Owners invite platform users, list the pending invitations and revoke one. */
@Path("/api/v1/platform/users/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

  /** The invitation and its one-time link; the link is in this response and nowhere else. */
  public record Created(InvitationView invitation, String link) {}

  private final InvitationService invitations;
  private final RequestContext request;

  InvitationResource(InvitationService invitations, RequestContext request) {
    this.invitations = invitations;
    this.request = request;
  }

  @POST
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response invite(@Valid @NotNull InvitationRequests.Create body, @Context UriInfo uri) {
    InvitationService.Issued issued = invitations.invite(body, request.userId());
    return Response.created(
            URI.create("/api/v1/platform/users/invitations/" + issued.invitation().id()))
        .entity(new Created(issued.invitation(), link(uri, issued.token())))
        .build();
  }

  @GET
  @RequiresPermission(Permissions.USERS_READ)
  public List<InvitationView> pending() {
    return invitations.pending();
  }

  @DELETE
  @Path("/{id}")
  @RequiresPermission(Permissions.USERS_WRITE)
  public InvitationView revoke(@PathParam("id") UUID id) {
    return invitations.revoke(id);
  }

  /** The console page that accepts the invitation, on the origin the owner called. */
  public static String link(UriInfo uri, String token) {
    return uri.getBaseUriBuilder().path("console/invitations/{token}").build(token).toString();
  }
}
