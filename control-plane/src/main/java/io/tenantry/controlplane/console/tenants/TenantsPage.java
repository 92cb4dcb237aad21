package io.tenantry.controlplane.console.tenants;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.console.ConsoleConfig;
import io.tenantry.controlplane.console.session.ConsoleUser;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.tenants.TenantRequests;
import io.tenantry.controlplane.tenants.TenantService;
import io.tenantry.controlplane.tenants.TenantView;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The tenants list (filter, search, keyset paging, live status) and the create form. */
@Path("/console/tenants")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class TenantsPage {

  static final int PAGE_SIZE = 20;
  private static final int MAX_LIVE = 100;

  /** What the list shows: rows, the filter as typed, and where the next page starts. */
  public record Listing(List<Row> rows, Filter filter, String next, String liveUrl) {}

  /** One tenant of the list and its status cell. */
  public record Row(TenantView tenant, Status status) {}

  /** The list's filter, echoed into the form and the paging links. */
  public record Filter(String q, String phase, String state) {
    public String query() {
      StringBuilder out = new StringBuilder();
      append(out, "q", q);
      append(out, "phase", phase);
      append(out, "state", state);
      return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
      if (value != null && !value.isBlank()) {
        out.append('&')
            .append(name)
            .append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  @CheckedTemplate(basePath = "console/TenantsPage")
  static class Templates {
    static native TemplateInstance list(Listing listing);

    static native TemplateInstance create(Form form);

    static native TemplateInstance createForm(Form form);

    static native TemplateInstance status(Status status);
  }

  private final TenantService tenants;
  private final ConsoleUser me;
  private final ConsoleConfig config;
  private final Validator validator;

  TenantsPage(TenantService tenants, ConsoleUser me, ConsoleConfig config, Validator validator) {
    this.tenants = tenants;
    this.me = me;
    this.config = config;
    this.validator = validator;
  }

  @GET
  @RequiresPermission(Permissions.TENANTS_READ)
  public TemplateInstance list(
      @RestQuery String q,
      @RestQuery String phase,
      @RestQuery String state,
      @RestQuery String after) {
    Filter filter = new Filter(blankToNull(q), blankToNull(phase), blankToNull(state));
    List<TenantView> found =
        tenants.after(
            new TenantService.ListFilter(filter.phase(), null, null, filter.state(), filter.q()),
            blankToNull(after),
            PAGE_SIZE + 1);
    List<TenantView> page = found.subList(0, Math.min(PAGE_SIZE, found.size()));
    String next = found.size() > PAGE_SIZE ? page.get(page.size() - 1).slug() : null;
    StringBuilder live = new StringBuilder("/console/tenants/events?");
    page.forEach(t -> live.append("slug=").append(t.slug()).append('&'));
    return Templates.list(
        new Listing(
            page.stream().map(t -> new Row(t, Status.of(t))).toList(),
            filter,
            next,
            live.toString()));
  }

  /**
   * Server-sent events, one per tenant whose phase, state or conditions changed, named {@code
   * status-<slug>} and carrying the status cell's HTML, which htmx swaps in. The stream polls the
   * database, which every replica shares, so it shows changes whichever replica mirrored them.
   */
  @GET
  @Path("/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RequiresPermission(Permissions.TENANTS_READ)
  @Blocking
  public Multi<OutboundSseEvent> events(@RestQuery List<String> slug, Sse sse) {
    List<String> slugs = slug == null ? List.of() : slug.stream().limit(MAX_LIVE).toList();
    Map<String, String> sent = new ConcurrentHashMap<>();
    return Multi.createFrom()
        .ticks()
        .every(config.liveInterval())
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(tick -> changes(slugs, sent, sse));
  }

  private List<OutboundSseEvent> changes(List<String> slugs, Map<String, String> sent, Sse sse) {
    List<OutboundSseEvent> events = new ArrayList<>();
    if (slugs.isEmpty()) {
      return events;
    }
    for (TenantView tenant : tenants.views(slugs)) {
      Status status = Status.of(tenant);
      if (!status.fingerprint().equals(sent.put(tenant.slug(), status.fingerprint()))) {
        String html = Templates.status(status).render().replace('\n', ' ');
        events.add(sse.newEventBuilder().name("status-" + tenant.slug()).data(html).build());
      }
    }
    return events;
  }

  @GET
  @Path("/new")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public TemplateInstance createPage() {
    return Templates.create(Form.empty().with("deletionPolicy", "Retain"));
  }

  @POST
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public Response create(
      @RestForm String slug,
      @RestForm String displayName,
      @RestForm String plan,
      @RestForm String region,
      @RestForm String deletionPolicy) {
    TenantRequests.Create request =
        new TenantRequests.Create(
            slug, displayName, plan, blankToNull(region), blankToNull(deletionPolicy));
    Form form =
        Form.empty()
            .with("slug", slug)
            .with("displayName", displayName)
            .with("plan", plan)
            .with("region", region)
            .with("deletionPolicy", deletionPolicy)
            .violations(validator.validate(request));
    if (!form.valid()) {
      return Response.status(422).entity(Templates.createForm(form)).build();
    }
    try {
      TenantView created = tenants.create(request, null, me.user().id).tenant();
      return Response.ok().header("HX-Redirect", "/console/tenants/" + created.slug()).build();
    } catch (ProblemException e) {
      if (e.problem().type().endsWith("/slug-taken")) {
        form.error("slug", e.problem().detail());
      } else {
        form.problem(e);
      }
      return Response.status(e.problem().status()).entity(Templates.createForm(form)).build();
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
