package io.tenantry.controlplane.console.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.search.SearchRequest;
import io.tenantry.controlplane.search.SearchResult;
import io.tenantry.controlplane.search.SearchService;
import io.tenantry.controlplane.tenants.TenantService;
import io.tenantry.controlplane.tenants.TenantView;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Cross-tenant search: every tenant's hits under its name, with its status (ok, timeout, error,
 * skipped) and the reason, and a link into that tenant's app.
 */
@Path("/console/search")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

  /** One tenant's part of the answer and where its app lives. */
  public record Group(SearchResult.TenantResult result, String url) {
    public String status() {
      return result.status().wire();
    }
  }

  /** What the page shows: the form, and the groups once a query ran. */
  public record Results(Form form, SearchResult result, List<Group> groups) {}

  @CheckedTemplate(basePath = "console/SearchPage")
  static class Templates {
    static native TemplateInstance page(Results results);
  }

  private final SearchService search;
  private final TenantService tenants;
  private final Validator validator;

  SearchPage(SearchService search, TenantService tenants, Validator validator) {
    this.search = search;
    this.tenants = tenants;
    this.validator = validator;
  }

  /** A GET form, so that a search is a link; it changes nothing but the audit log. */
  @GET
  @RequiresPermission(Permissions.SEARCH_READ)
  public TemplateInstance page(@RestQuery String q, @RestQuery("tenants") String only) {
    Form form = Form.empty().with("q", q).with("tenants", only);
    if (q == null) {
      return Templates.page(new Results(form, null, List.of()));
    }
    List<String> named =
        only == null || only.isBlank()
            ? null
            : java.util.Arrays.stream(only.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    SearchRequest request = new SearchRequest(q.strip(), null, named, null);
    form.violations(validator.validate(request));
    if (form.has("query")) {
      form.error("q", form.errorOf("query"));
    }
    if (!form.valid()) {
      return Templates.page(new Results(form, null, List.of()));
    }
    SearchResult result = search.search(request);
    Map<String, TenantView> views =
        tenants
            .views(result.tenants().stream().map(SearchResult.TenantResult::tenant).toList())
            .stream()
            .collect(Collectors.toMap(TenantView::slug, Function.identity()));
    List<Group> groups =
        result.tenants().stream()
            .map(
                t ->
                    new Group(
                        t, views.containsKey(t.tenant()) ? views.get(t.tenant()).url() : null))
            .toList();
    return Templates.page(new Results(form, result, groups));
  }
}
