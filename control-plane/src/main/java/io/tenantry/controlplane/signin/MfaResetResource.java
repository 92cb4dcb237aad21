package io.tenantry.controlplane.signin;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.users.UserService;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * An owner removes another platform user's MFA (a lost authenticator). It lives here rather than in
 * {@code users} because it ends sign-in state (recovery codes, refresh tokens) that {@code users}
 * does not know of; {@link Permissions#USERS_WRITE} is granted to owners only.
 */
@Path("/api/v1/platform/users/{id}/mfa")
@Produces(MediaType.APPLICATION_JSON)
public class MfaResetResource {

  private final MfaService mfa;
  private final RequestContext request;

  MfaResetResource(MfaService mfa, RequestContext request) {
    this.mfa = mfa;
    this.request = request;
  }

  @DELETE
  @RequiresPermission(Permissions.USERS_WRITE)
  public UserService.UserView reset(@PathParam("id") UUID id) {
    return mfa.reset(id, request.userId());
  }
}
