package io.tenantry.controlplane.console.tenants;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.audit.AuditFilter;
import io.tenantry.controlplane.audit.AuditQueries;
import io.tenantry.controlplane.audit.AuditView;
import io.tenantry.controlplane.console.session.ConsoleUser;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.flags.FlagService;
import io.tenantry.controlplane.flags.FlagViews.EffectiveFlag;
import io.tenantry.controlplane.licensing.LicenseService;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.licensing.SeatUsage;
import io.tenantry.controlplane.tenants.LifecycleState.Action;
import io.tenantry.controlplane.tenants.TenantService;
import io.tenantry.controlplane.tenants.TenantView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One tenant: live status with condition reasons, URL, plan, license and seats, effective flags
 * with their source (and overrides), recent audit entries; suspend, resume and delete.
 */
@Path("/console/tenants")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class TenantPage {

  private static final int RECENT_AUDIT = 10;

  /** Everything the page shows; sections the role may not read are null. */
  public record Details(
      TenantView tenant,
      Status status,
      LicenseView license,
      SeatUsage.UsageView seats,
      List<EffectiveFlag> flags,
      List<AuditView> audit,
      Form deletion) {

    public boolean canSuspend() {
      return "active".equals(tenant.state());
    }

    public boolean canResume() {
      return "suspended".equals(tenant.state());
    }

    public boolean canDelete() {
      return List.of("active", "suspended", "orphaned").contains(tenant.state());
    }
  }

  @CheckedTemplate(basePath = "console/TenantPage")
  static class Templates {
    static native TemplateInstance page(Details details);

    static native TemplateInstance deleteForm(TenantView tenant, Form form);
  }

  private final TenantService tenants;
  private final LicenseService licenses;
  private final SeatUsage seats;
  private final FlagService flags;
  private final AuditQueries audit;
  private final ConsoleUser me;

  TenantPage(
      TenantService tenants,
      LicenseService licenses,
      SeatUsage seats,
      FlagService flags,
      AuditQueries audit,
      ConsoleUser me) {
    this.tenants = tenants;
    this.licenses = licenses;
    this.seats = seats;
    this.flags = flags;
    this.audit = audit;
    this.me = me;
  }

  @GET
  @Path("/{slug}")
  @RequiresPermission(Permissions.TENANTS_READ)
  public TemplateInstance page(@PathParam("slug") String slug) {
    TenantView tenant = tenants.get(slug);
    boolean live = !List.of("deleted").contains(tenant.state());
    boolean licensed = live && me.can(Permissions.LICENSES_READ);
    AuditFilter recent = new AuditFilter();
    recent.tenant = slug;
    return Templates.page(
        new Details(
            tenant,
            Status.of(tenant),
            licensed ? licenses.get(slug) : null,
            licensed ? seats.of(slug) : null,
            live && me.can(Permissions.FLAGS_READ) ? flags.effective(slug).flags() : null,
            me.can(Permissions.AUDIT_READ) ? audit.list(recent, 0, RECENT_AUDIT).items() : null,
            Form.empty().with("deletionPolicy", tenant.deletionPolicy())));
  }

  @POST
  @Path("/{slug}/suspend")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public Response suspend(@PathParam("slug") String slug) {
    tenants.transition(slug, Action.SUSPEND);
    return reload(slug);
  }

  @POST
  @Path("/{slug}/resume")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public Response resume(@PathParam("slug") String slug) {
    tenants.transition(slug, Action.RESUME);
    return reload(slug);
  }

  /** Deletion needs the slug typed again; the policy shown is the one the operator will apply. */
  @POST
  @Path("/{slug}/delete")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public Response delete(
      @PathParam("slug") String slug,
      @RestForm String confirmation,
      @RestForm String deletionPolicy) {
    TenantView tenant = tenants.get(slug);
    Form form = Form.empty().with("deletionPolicy", deletionPolicy);
    if (!slug.equals(confirmation)) {
      form.error("confirmation", "type the tenant's slug, " + slug + ", to confirm");
    }
    if (deletionPolicy == null || !deletionPolicy.matches("Retain|Delete")) {
      form.error("deletionPolicy", "must be Retain or Delete");
    }
    if (!form.valid()) {
      return Response.status(422).entity(Templates.deleteForm(tenant, form)).build();
    }
    tenants.delete(slug, deletionPolicy);
    return reload(slug);
  }

  /** Sets (on, off) or clears an override of one flag for this tenant. */
  @POST
  @Path("/{slug}/flags/{key}")
  @RequiresPermission(Permissions.FLAGS_WRITE)
  public Response override(
      @PathParam("slug") String slug, @PathParam("key") String key, @RestForm String value) {
    Boolean enabled =
        switch (value == null ? "" : value) {
          case "on" -> Boolean.TRUE;
          case "off" -> Boolean.FALSE;
          case "clear" -> null;
          default -> throw ProblemException.invalid("value", "must be on, off or clear");
        };
    flags.setOverride(slug, key, enabled);
    return reload(slug);
  }

  private static Response reload(String slug) {
    return Response.ok().header("HX-Redirect", "/console/tenants/" + slug).build();
  }
}
