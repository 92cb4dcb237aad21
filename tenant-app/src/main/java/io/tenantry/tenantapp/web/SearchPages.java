package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.search.SearchHit;
import io.tenantry.tenantapp.search.SearchRequest;
import io.tenantry.tenantapp.search.SearchService;
import io.tenantry.tenantapp.search.SearchType;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The fast search (the API's {@link SearchService}, misspellings included) across the types the
 * staff member may read and the plan includes; results update while typing (htmx) and the form
 * works without script as well.
 */
@Path("/app/search")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

  /** A hit with the page it opens. */
  public record Hit(String type, String title, String subtitle, String href) {}

  private static final Map<SearchType, String> FEATURES =
      Map.of(SearchType.INVOICE, "invoicing", SearchType.TICKET, "support-tickets");

  private final SearchService search;
  private final Pages pages;
  private final CurrentStaff current;
  private final Template page;
  private final Template hits;

  SearchPages(
      SearchService search,
      Pages pages,
      CurrentStaff current,
      @Location("app/search.html") Template page,
      @Location("app/search-hits.html") Template hits) {
    this.search = search;
    this.pages = pages;
    this.current = current;
    this.page = page;
    this.hits = hits;
  }

  @GET
  public TemplateInstance page(@RestQuery String q) {
    current.require("search:read");
    Result result = run(q);
    return pages
        .page(page, "search", "Search")
        .data("q", q == null ? "" : q)
        .data("hits", result.hits())
        .data("error", result.error());
  }

  /** The result list alone, for htmx to swap in while the query is typed. */
  @GET
  @Path("hits")
  public TemplateInstance hits(@RestQuery String q) {
    current.require("search:read");
    Result result = run(q);
    return hits.data("hits", result.hits()).data("error", result.error()).data("q", q);
  }

  private record Result(List<Hit> hits, String error) {}

  private Result run(String q) {
    if (q == null || q.isBlank()) {
      return new Result(null, null);
    }
    try {
      SearchRequest request = SearchRequest.parse(q, null, 20);
      Set<SearchType> visible = EnumSet.noneOf(SearchType.class);
      for (SearchType type : request.types()) {
        String feature = FEATURES.get(type);
        if (current.can(type.permission()) && (feature == null || pages.feature(feature))) {
          visible.add(type);
        }
      }
      if (visible.isEmpty()) {
        return new Result(List.of(), null);
      }
      return new Result(
          search.search(new SearchRequest(request.query(), visible, request.limit())).stream()
              .map(SearchPages::hit)
              .toList(),
          null);
    } catch (ProblemException e) {
      return new Result(null, "The search " + e.getMessage().replaceFirst("^q: ", ""));
    }
  }

  private static Hit hit(SearchHit h) {
    String path =
        switch (h.type()) {
          case "subscriber" -> "/app/subscribers/";
          case "device" -> "/app/devices/";
          case "invoice" -> "/app/invoices/";
          default -> "/app/tickets/";
        };
    return new Hit(h.type(), h.title(), h.subtitle(), path + h.id());
  }
}
