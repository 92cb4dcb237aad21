package io.tenantry.controlplane.console.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.audit.AuditFilter;
import io.tenantry.controlplane.audit.AuditQueries;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.web.Paging;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jboss.resteasy.reactive.RestQuery;

/** The audit log: filters, pages, chain verification and export, over the API's own queries. */
@Path("/console/audit")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

  private static final int PAGE_SIZE = 50;

  @CheckedTemplate(basePath = "console/AuditPage")
  static class Templates {
    static native TemplateInstance page(
        AuditFilter filter,
        Form form,
        String query,
        AuditQueries.AuditPage entries,
        Integer newer,
        Integer older);

    static native TemplateInstance verification(AuditQueries.Verification result);
  }

  private final AuditQueries audit;

  AuditPage(AuditQueries audit) {
    this.audit = audit;
  }

  @GET
  @RequiresPermission(Permissions.AUDIT_READ)
  public Response page(@BeanParam AuditFilter filter, @RestQuery String page) {
    blanksToNull(filter);
    Form form = timeErrors(filter);
    if (!form.valid()) {
      // A mistyped time is shown beside its field, with no entries rather than every entry.
      AuditQueries.AuditPage none = new AuditQueries.AuditPage(List.of(), 0, PAGE_SIZE, 0);
      return Response.status(400)
          .entity(Templates.page(filter, form, query(filter), none, null, null))
          .build();
    }
    Paging.Page paging = Paging.of(page, null, PAGE_SIZE, PAGE_SIZE);
    AuditQueries.AuditPage entries = audit.list(filter, paging.page(), PAGE_SIZE);
    boolean more = (long) (entries.page() + 1) * entries.size() < entries.total();
    return Response.ok(
            Templates.page(
                filter,
                form,
                query(filter),
                entries,
                entries.page() > 0 ? entries.page() - 1 : null,
                more ? entries.page() + 1 : null))
        .build();
  }

  /** The API's rules for {@code from} and {@code to}, as errors beside the fields. */
  private static Form timeErrors(AuditFilter filter) {
    Form form = Form.empty();
    for (String[] bound : new String[][] {{"from", filter.from}, {"to", filter.to}}) {
      try {
        Paging.instant(bound[0], bound[1]);
      } catch (ProblemException e) {
        form.problem(e);
      }
    }
    return form;
  }

  /**
   * The filter as a query string, every value URL-encoded, so that the pager and the export keep
   * the whole filter (times and outcome too) whatever characters a value holds.
   */
  static String query(AuditFilter filter) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("actor", filter.actor);
    fields.put("action", filter.action);
    fields.put("tenant", filter.tenant);
    fields.put("outcome", filter.outcome);
    fields.put("from", filter.from);
    fields.put("to", filter.to);
    StringJoiner query = new StringJoiner("&");
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  /** Walks the chain and shows the first entry that does not link, if any. */
  @GET
  @Path("/verify")
  @RequiresPermission(Permissions.AUDIT_VERIFY)
  public TemplateInstance verify() {
    return Templates.verification(audit.verify());
  }

  /** The filtered entries as the API's JSON export, downloaded as a file. */
  @GET
  @Path("/export")
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permissions.AUDIT_EXPORT)
  public Response export(@BeanParam AuditFilter filter) {
    blanksToNull(filter);
    return Response.ok(audit.export(filter))
        .header("Content-Disposition", "attachment; filename=\"audit-export.json\"")
        .build();
  }

  /** An empty filter field in the form means "any", as an absent query parameter does. */
  private static void blanksToNull(AuditFilter filter) {
    filter.actor = blank(filter.actor);
    filter.action = blank(filter.action);
    filter.tenant = blank(filter.tenant);
    filter.outcome = blank(filter.outcome);
    filter.from = blank(filter.from);
    filter.to = blank(filter.to);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
