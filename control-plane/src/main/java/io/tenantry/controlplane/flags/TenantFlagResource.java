package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.flags.FlagViews.EffectiveFlags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One tenant's effective flags and its overrides. */
@Path("/api/v1/platform/tenants/{slug}/flags")
@Produces(MediaType.APPLICATION_JSON)
public class TenantFlagResource {

  private final FlagService flags;

  TenantFlagResource(FlagService flags) {
    this.flags = flags;
  }

  @GET
  @RequiresPermission(Permissions.FLAGS_READ)
  public EffectiveFlags effective(@PathParam("slug") String slug) {
    return flags.effective(slug);
  }

  @PUT
  @Path("/{key}")
  @RequiresPermission(Permissions.FLAGS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  public EffectiveFlags setOverride(
      @PathParam("slug") String slug,
      @PathParam("key") String key,
      @Valid @NotNull FlagRequests.Setting body) {
    return flags.setOverride(slug, key, body.enabled());
  }

  @DELETE
  @Path("/{key}")
  @RequiresPermission(Permissions.FLAGS_WRITE)
  public EffectiveFlags clearOverride(
      @PathParam("slug") String slug, @PathParam("key") String key) {
    return flags.setOverride(slug, key, null);
  }
}
