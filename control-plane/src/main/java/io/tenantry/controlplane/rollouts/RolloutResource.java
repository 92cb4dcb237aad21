package io.tenantry.controlplane.rollouts;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Fleet rollouts: read them, and pause, resume, abort or promote one (docs/api.md). */
@Path("/api/v1/platform")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

  private final RolloutService rollouts;

  RolloutResource(RolloutService rollouts) {
    this.rollouts = rollouts;
  }

  @GET
  @Path("/rollouts")
  @RequiresPermission(Permissions.ROLLOUTS_READ)
  public List<RolloutViews.Summary> list() {
    return rollouts.list();
  }

  @GET
  @Path("/rollouts/{name}")
  @RequiresPermission(Permissions.ROLLOUTS_READ)
  public RolloutViews.Detail get(@PathParam("name") String name) {
    return rollouts.get(name);
  }

  @GET
  @Path("/releases")
  @RequiresPermission(Permissions.ROLLOUTS_READ)
  public List<RolloutViews.ReleaseView> releases() {
    return rollouts.releases();
  }

  @POST
  @Path("/rollouts/{name}/pause")
  @RequiresPermission(Permissions.ROLLOUTS_WRITE)
  public RolloutViews.Detail pause(@PathParam("name") String name) {
    return rollouts.act(name, RolloutActions.PAUSE);
  }

  @POST
  @Path("/rollouts/{name}/resume")
  @RequiresPermission(Permissions.ROLLOUTS_WRITE)
  public RolloutViews.Detail resume(@PathParam("name") String name) {
    return rollouts.act(name, RolloutActions.RESUME);
  }

  @POST
  @Path("/rollouts/{name}/abort")
  @RequiresPermission(Permissions.ROLLOUTS_WRITE)
  public RolloutViews.Detail abort(@PathParam("name") String name) {
    return rollouts.act(name, RolloutActions.ABORT);
  }

  @POST
  @Path("/rollouts/{name}/promote")
  @RequiresPermission(Permissions.ROLLOUTS_WRITE)
  public RolloutViews.Detail promote(@PathParam("name") String name) {
    return rollouts.act(name, RolloutActions.PROMOTE);
  }
}
