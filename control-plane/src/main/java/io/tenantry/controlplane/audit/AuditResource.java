package io.tenantry.controlplane.audit;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.web.Paging;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log: list, export and verify. */
@Path("/api/v1/platform/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private final AuditQueries queries;
  private final AuditConfig config;

  AuditResource(AuditQueries queries, AuditConfig config) {
    this.queries = queries;
    this.config = config;
  }

  @GET
  @RequiresPermission(Permissions.AUDIT_READ)
  public AuditQueries.AuditPage list(
      @BeanParam AuditFilter filter,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Paging.Page paging = Paging.of(page, size, 50, config.maxPageSize());
    return queries.list(filter, paging.page(), paging.size());
  }

  @GET
  @Path("/export")
  @RequiresPermission(Permissions.AUDIT_EXPORT)
  public AuditQueries.AuditExport export(@BeanParam AuditFilter filter) {
    return queries.export(filter);
  }

  @GET
  @Path("/verify")
  @RequiresPermission(Permissions.AUDIT_VERIFY)
  public AuditQueries.Verification verify() {
    return queries.verify();
  }
}
