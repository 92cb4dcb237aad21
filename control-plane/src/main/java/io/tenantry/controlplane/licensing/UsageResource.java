package io.tenantry.controlplane.licensing;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.licensing.SeatUsage.UsageView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Seats allocated vs used for one tenant. */
@Path("/api/v1/platform/tenants/{slug}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

  private final SeatUsage usage;

  UsageResource(SeatUsage usage) {
    this.usage = usage;
  }

  @GET
  @RequiresPermission(Permissions.LICENSES_READ)
  public UsageView get(@PathParam("slug") String slug) {
    return usage.of(slug);
  }
}
