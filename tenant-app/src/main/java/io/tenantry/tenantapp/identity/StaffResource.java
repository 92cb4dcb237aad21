package io.tenantry.tenantapp.identity;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.tenantry.tenantapp.identity.IdentityDtos.InvitationView;
import io.tenantry.tenantapp.identity.IdentityDtos.InviteRequest;
import io.tenantry.tenantapp.identity.IdentityDtos.PasswordChange;
import io.tenantry.tenantapp.identity.IdentityDtos.RoleChange;
import io.tenantry.tenantapp.identity.IdentityDtos.StaffView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/staff")
public class StaffResource {

  private final StaffService service;
  private final SecurityIdentity identity;

  StaffResource(StaffService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @GET
  @PermissionsAllowed("staff:read")
  public List<StaffView> list() {
    return service.list();
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed("staff:read")
  public StaffView get(UUID id) {
    return service.get(id);
  }

  @POST
  @PermissionsAllowed("staff:write")
  public Response invite(@Valid @NotNull InviteRequest body) {
    InvitationView invitation = service.invite(body.email(), body.displayName(), body.role());
    return Response.created(URI.create("/api/v1/staff/" + invitation.user().id()))
        .entity(invitation)
        .build();
  }

  @POST
  @Path("{id}/resend-invitation")
  @PermissionsAllowed("staff:write")
  public InvitationView resendInvitation(UUID id) {
    return service.resend(id);
  }

  @PUT
  @Path("{id}/role")
  @PermissionsAllowed("staff:write")
  public StaffView changeRole(UUID id, @Valid @NotNull RoleChange body) {
    return service.changeRole(id, body.role(), actingUser());
  }

  @POST
  @Path("{id}/disable")
  @PermissionsAllowed("staff:write")
  public StaffView disable(UUID id) {
    return service.disable(id, actingUser());
  }

  @POST
  @Path("{id}/enable")
  @PermissionsAllowed("staff:write")
  public StaffView enable(UUID id) {
    return service.enable(id);
  }

  @POST
  @Path("{id}/reset-password")
  @PermissionsAllowed("staff:write")
  public InvitationView resetPassword(UUID id) {
    return service.resetPassword(id, actingUser());
  }

  /** The caller's own password; any signed-in staff member may change it. */
  @POST
  @Path("me/password")
  @Authenticated
  @PasswordChangeGate.Open
  public Response changePassword(@Valid @NotNull PasswordChange body) {
    service.changePassword(actingUser(), body.currentPassword(), body.newPassword());
    return Response.noContent().build();
  }

  private UUID actingUser() {
    return UUID.fromString(((JsonWebToken) identity.getPrincipal()).getSubject());
  }
}
