package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.flags.FlagViews.CatalogueEntry;
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
import java.util.List;

/** The flag catalogue and its global switches. */
@Path("/api/v1/platform/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

  private final FlagService flags;

  FlagResource(FlagService flags) {
    this.flags = flags;
  }

  @GET
  @RequiresPermission(Permissions.FLAGS_READ)
  public List<CatalogueEntry> catalogue() {
    return flags.catalogue();
  }

  @PUT
  @Path("/{key}/global")
  @RequiresPermission(Permissions.FLAGS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  public CatalogueEntry setGlobal(
      @PathParam("key") String key, @Valid @NotNull FlagRequests.Setting body) {
    return flags.setGlobal(key, body.enabled());
  }

  @DELETE
  @Path("/{key}/global")
  @RequiresPermission(Permissions.FLAGS_WRITE)
  public CatalogueEntry clearGlobal(@PathParam("key") String key) {
    return flags.setGlobal(key, null);
  }
}
