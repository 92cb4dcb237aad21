package io.tenantry.controlplane.invitations;

import io.tenantry.controlplane.access.PublicEndpoint;
import io.tenantry.controlplane.signin.Sessions;
import io.tenantry.controlplane.signin.TokenPair;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The invitee accepts over the API (the console has its own page): the link's token and a password;
 * the answer signs them in as a login would.
 */
@Path("/api/v1/auth/invitations/accept")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationAcceptResource {

  private final InvitationService invitations;
  private final Sessions sessions;

  InvitationAcceptResource(InvitationService invitations, Sessions sessions) {
    this.invitations = invitations;
    this.sessions = sessions;
  }

  @POST
  @PublicEndpoint
  public TokenPair accept(@Valid @NotNull InvitationRequests.Accept body) {
    return sessions.start(invitations.accept(body.token(), body.password()));
  }
}
