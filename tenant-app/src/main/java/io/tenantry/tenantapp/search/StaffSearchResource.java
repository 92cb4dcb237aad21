package io.tenantry.tenantapp.search;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.EnumSet;
import java.util.Set;

/** Search for staff: only the types the caller's role may read. */
@Path("/api/v1/search")
public class StaffSearchResource {

  private final SearchService service;
  private final SecurityIdentity identity;

  StaffSearchResource(SearchService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @GET
  @PermissionsAllowed("search:read")
  public SearchResults search(
      @QueryParam("q") String q,
      @QueryParam("types") String types,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    SearchRequest request = SearchRequest.parse(q, types, limit);
    Set<SearchType> visible = EnumSet.noneOf(SearchType.class);
    for (SearchType type : request.types()) {
      String[] permission = type.permission().split(":");
      if (identity.checkPermissionBlocking(new StringPermission(permission[0], permission[1]))) {
        visible.add(type);
      }
    }
    if (visible.isEmpty()) {
      return new SearchResults(java.util.List.of());
    }
    return new SearchResults(
        service.search(new SearchRequest(request.query(), visible, request.limit())));
  }
}
