package io.tenantry.controlplane.users;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Platform users. */
@Path("/api/v1/platform/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

  private final UserService users;

  UserResource(UserService users) {
    this.users = users;
  }

  @GET
  @RequiresPermission(Permissions.USERS_READ)
  public List<UserService.UserView> list() {
    return users.list();
  }

  @POST
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response create(@Valid @NotNull UserRequests.Create request) {
    UserService.UserView created = users.create(request);
    return Response.created(URI.create("/api/v1/platform/users/" + created.id()))
        .entity(created)
        .build();
  }

  @PATCH
  @Path("/{id}")
  @RequiresPermission(Permissions.USERS_WRITE)
  public UserService.UserView update(
      @PathParam("id") UUID id, @Valid @NotNull UserRequests.Update request) {
    return users.update(id, request);
  }
}
