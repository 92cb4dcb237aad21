package io.tenantry.controlplane.plans;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The plans catalogue, read-only: plans are configuration, changed by a deployment. */
@Path("/api/v1/platform/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

  private final PlanCatalogue plans;

  PlanResource(PlanCatalogue plans) {
    this.plans = plans;
  }

  @GET
  @RequiresPermission(Permissions.LICENSES_READ)
  public List<PlanView> list() {
    return plans.all();
  }
}
