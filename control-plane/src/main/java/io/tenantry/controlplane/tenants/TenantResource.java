package io.tenantry.controlplane.tenants;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.tenants.LifecycleState.Action;
import io.tenantry.controlplane.web.Paging;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Tenants as platform admins see them. */
@Path("/api/v1/platform/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  private static final String BASE = "/api/v1/platform/tenants/";

  private final TenantService tenants;
  private final TenantsConfig config;
  private final RequestContext request;

  TenantResource(TenantService tenants, TenantsConfig config, RequestContext request) {
    this.tenants = tenants;
    this.config = config;
    this.request = request;
  }

  @POST
  @RequiresPermission(Permissions.TENANTS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Valid @NotNull TenantRequests.Create body,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,255}")) {
      throw ProblemException.invalid(
          "Idempotency-Key", "must be 1 to 255 printable characters without spaces");
    }
    TenantService.Created created = tenants.create(body, idempotencyKey, request.userId());
    return Response.accepted(created.tenant())
        .location(URI.create(BASE + created.tenant().slug()))
        .header("Idempotent-Replayed", created.replayed())
        .build();
  }

  @GET
  @RequiresPermission(Permissions.TENANTS_READ)
  public TenantService.TenantPage list(
      @QueryParam("phase") String phase,
      @QueryParam("plan") String plan,
      @QueryParam("region") String region,
      @QueryParam("state") String state,
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Paging.Page paging = Paging.of(page, size, 20, config.maxPageSize());
    return tenants.list(
        new TenantService.ListFilter(phase, plan, region, state, q), paging.page(), paging.size());
  }

  @GET
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_READ)
  public TenantView get(@PathParam("slug") String slug) {
    return tenants.get(slug);
  }

  @PATCH
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  public TenantView update(
      @PathParam("slug") String slug, @Valid @NotNull TenantRequests.Update body) {
    return tenants.update(slug, body);
  }

  @POST
  @Path("/{slug}/suspend")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public TenantView suspend(@PathParam("slug") String slug) {
    return tenants.transition(slug, Action.SUSPEND);
  }

  @POST
  @Path("/{slug}/resume")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public TenantView resume(@PathParam("slug") String slug) {
    return tenants.transition(slug, Action.RESUME);
  }

  @DELETE
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public Response delete(
      @PathParam("slug") String slug, @QueryParam("deletionPolicy") String deletionPolicy) {
    if (deletionPolicy != null && !deletionPolicy.matches("Retain|Delete")) {
      throw ProblemException.invalid("deletionPolicy", "must be Retain or Delete");
    }
    return Response.accepted(tenants.delete(slug, deletionPolicy)).build();
  }
}
