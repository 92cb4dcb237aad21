package io.tenantry.controlplane.licensing;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.licensing.LicenseViews.HistoryView;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** One tenant's license and its history. */
@Path("/api/v1/platform/tenants/{slug}/license")
@Produces(MediaType.APPLICATION_JSON)
public class LicenseResource {

  private final LicenseService licenses;
  private final LicensingConfig config;

  LicenseResource(LicenseService licenses, LicensingConfig config) {
    this.licenses = licenses;
    this.config = config;
  }

  @GET
  @RequiresPermission(Permissions.LICENSES_READ)
  public LicenseView get(@PathParam("slug") String slug) {
    return licenses.get(slug);
  }

  @PUT
  @RequiresPermission(Permissions.LICENSES_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  public LicenseView replace(
      @PathParam("slug") String slug, @Valid @NotNull LicenseRequests.Replace body) {
    return licenses.replace(slug, body);
  }

  @GET
  @Path("/history")
  @RequiresPermission(Permissions.LICENSES_READ)
  public LicenseViews.Page<HistoryView> history(
      @PathParam("slug") String slug,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Paging.Page paging = Paging.of(page, size, 20, config.maxPageSize());
    return licenses.history(slug, paging.page(), paging.size());
  }
}
