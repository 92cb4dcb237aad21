package io.tenantry.controlplane.tenantlink;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
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

/**
 * Where the control plane reaches each tenant app. An override is for local runs and tests, where
 * tenant apps are not behind their in-cluster Service.
 */
@Path("/api/v1/platform/tenant-endpoints")
@Produces(MediaType.APPLICATION_JSON)
public class TenantEndpointResource {

  /** The body of a PUT. */
  public record Override(@NotNull String internalUrl) {}

  /** An endpoint as the API shows it; {@code source} is stored, configured or template. */
  public record EndpointView(String slug, String internalUrl, String source) {
    static EndpointView of(TenantEndpoints.Resolved resolved) {
      return new EndpointView(resolved.slug(), resolved.baseUrl().toString(), resolved.source());
    }
  }

  private final TenantEndpoints endpoints;

  TenantEndpointResource(TenantEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @GET
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_READ)
  public EndpointView get(@PathParam("slug") String slug) {
    return EndpointView.of(endpoints.describe(slug));
  }

  @PUT
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  public EndpointView store(@PathParam("slug") String slug, @Valid @NotNull Override body) {
    return EndpointView.of(endpoints.store(slug, body.internalUrl()));
  }

  @DELETE
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public EndpointView clear(@PathParam("slug") String slug) {
    return EndpointView.of(endpoints.clear(slug));
  }
}
