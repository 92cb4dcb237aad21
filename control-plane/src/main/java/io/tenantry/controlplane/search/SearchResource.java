package io.tenantry.controlplane.search;

import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One search across every tenant. */
@Path("/api/v1/platform/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  private final SearchService search;

  SearchResource(SearchService search) {
    this.search = search;
  }

  @POST
  @RequiresPermission(Permissions.SEARCH_READ)
  @Consumes(MediaType.APPLICATION_JSON)
  public SearchResult search(@Valid @NotNull SearchRequest body) {
    return search.search(body);
  }
}
