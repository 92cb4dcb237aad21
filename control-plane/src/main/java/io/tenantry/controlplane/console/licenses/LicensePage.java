package io.tenantry.controlplane.console.licenses;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.licensing.LicenseRequests;
import io.tenantry.controlplane.licensing.LicenseService;
import io.tenantry.controlplane.licensing.LicenseViews.HistoryView;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.tenants.TenantRequests;
import io.tenantry.controlplane.tenants.TenantService;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** A tenant's plan and license: type, seats, expiry, grace, status, and the license's history. */
@Path("/console/tenants")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class LicensePage {

  private static final int HISTORY = 20;

  @CheckedTemplate(basePath = "console/LicensePage")
  static class Templates {
    static native TemplateInstance page(
        String slug, LicenseView license, List<HistoryView> history, Form form, Form planForm);

    static native TemplateInstance licenseForm(String slug, Form form);

    static native TemplateInstance planForm(String slug, Form form);
  }

  private final LicenseService licenses;
  private final TenantService tenants;
  private final Validator validator;

  LicensePage(LicenseService licenses, TenantService tenants, Validator validator) {
    this.licenses = licenses;
    this.tenants = tenants;
    this.validator = validator;
  }

  @GET
  @Path("/{slug}/license")
  @RequiresPermission(Permissions.LICENSES_READ)
  public TemplateInstance page(@PathParam("slug") String slug) {
    LicenseView license = licenses.get(slug);
    Form form =
        Form.empty()
            .with("type", license.type())
            .with("seats", String.valueOf(license.seats()))
            .with("expiresAt", license.expiresAt() == null ? "" : license.expiresAt().toString())
            .with("gracePeriodDays", String.valueOf(license.gracePeriodDays()));
    return Templates.page(
        slug,
        license,
        licenses.history(slug, 0, HISTORY).items(),
        form,
        Form.empty().with("plan", license.plan()));
  }

  /** Replaces the license, with the API's rules: bean validation, then the service's checks. */
  @POST
  @Path("/{slug}/license")
  @RequiresPermission(Permissions.LICENSES_WRITE)
  public Response replace(
      @PathParam("slug") String slug,
      @RestForm String type,
      @RestForm String seats,
      @RestForm String expiresAt,
      @RestForm String gracePeriodDays) {
    Form form =
        Form.empty()
            .with("type", type)
            .with("seats", seats)
            .with("expiresAt", expiresAt)
            .with("gracePeriodDays", gracePeriodDays);
    Integer seatCount = number(form, "seats", seats);
    Integer grace = number(form, "gracePeriodDays", gracePeriodDays);
    LicenseRequests.Replace request =
        new LicenseRequests.Replace(
            type,
            seatCount,
            expiresAt == null || expiresAt.isBlank() ? null : expiresAt.strip(),
            grace,
            null);
    form.violations(validator.validate(request));
    if (form.valid()) {
      try {
        licenses.replace(slug, request);
        return Response.ok().header("HX-Redirect", "/console/tenants/" + slug + "/license").build();
      } catch (ProblemException e) {
        form.problem(e);
        return Response.status(e.problem().status())
            .entity(Templates.licenseForm(slug, form))
            .build();
      }
    }
    return Response.status(422).entity(Templates.licenseForm(slug, form)).build();
  }

  /** Moves the tenant to another plan through the tenants API's update, with its rules. */
  @POST
  @Path("/{slug}/plan")
  @RequiresPermission(Permissions.TENANTS_WRITE)
  public Response changePlan(@PathParam("slug") String slug, @RestForm String plan) {
    TenantRequests.Update request = new TenantRequests.Update(null, plan, null);
    Form form = Form.empty().with("plan", plan).violations(validator.validate(request));
    if (plan == null || plan.isBlank()) {
      form.error("plan", "must not be blank");
    }
    if (form.valid()) {
      try {
        tenants.update(slug, request);
        return Response.ok().header("HX-Redirect", "/console/tenants/" + slug + "/license").build();
      } catch (ProblemException e) {
        form.problem(e);
        return Response.status(e.problem().status()).entity(Templates.planForm(slug, form)).build();
      }
    }
    return Response.status(422).entity(Templates.planForm(slug, form)).build();
  }

  private static Integer number(Form form, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      form.error(field, "must be a whole number");
      return null;
    }
  }
}
