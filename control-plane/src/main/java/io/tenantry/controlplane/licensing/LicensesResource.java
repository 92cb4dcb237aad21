package io.tenantry.controlplane.licensing;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every tenant's license, e.g. the ones expiring within 30 days. */
@Path("/api/v1/platform/licenses")
@Produces(MediaType.APPLICATION_JSON)
public class LicensesResource {

  private static final int MAX_WINDOW_DAYS = 3650;

  private final LicenseQueries licenses;
  private final LicensingConfig config;

  LicensesResource(LicenseQueries licenses, LicensingConfig config) {
    this.licenses = licenses;
    this.config = config;
  }

  @GET
  @RequiresPermission(Permissions.LICENSES_READ)
  public LicenseViews.Page<LicenseView> list(
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("plan") String plan,
      @QueryParam("expiringWithinDays") String expiringWithinDays,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Paging.Page paging = Paging.of(page, size, 20, config.maxPageSize());
    return licenses.list(
        new LicenseQueries.Filter(status, type, plan, days(expiringWithinDays)),
        paging.page(),
        paging.size());
  }

  private static Integer days(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String digits = value.strip();
    if (digits.matches("\\d{1,4}") && Integer.parseInt(digits) <= MAX_WINDOW_DAYS) {
      return Integer.parseInt(digits);
    }
    throw ProblemException.invalid(
        "expiringWithinDays", "must be a whole number from 0 to " + MAX_WINDOW_DAYS);
  }
}
