package io.tenantry.tenantapp.platformlink;

import io.quarkus.security.PermissionsAllowed;
import io.tenantry.tenantapp.search.SearchRequest;
import io.tenantry.tenantapp.search.SearchResults;
import io.tenantry.tenantapp.search.SearchService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * The platform's view into this tenant (docs/contracts.md, "Tenant app internal API"), the
 * counterpart of the control plane's {@code tenantlink}: open only to platform service tokens (see
 * {@code BearerIdentityProvider}), each endpoint needing its own scope.
 */
@Path("/internal/v1")
public class InternalResource {

  private final SearchService search;
  private final UsageService usage;

  InternalResource(SearchService search, UsageService usage) {
    this.search = search;
    this.usage = usage;
  }

  @GET
  @Path("search")
  @PermissionsAllowed("internal:search")
  public SearchResults search(
      @QueryParam("q") String q,
      @QueryParam("types") String types,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    return new SearchResults(search.search(SearchRequest.parse(q, types, limit)));
  }

  @GET
  @Path("usage")
  @PermissionsAllowed("internal:usage")
  public UsageService.Usage usage() {
    return usage.usage();
  }
}
