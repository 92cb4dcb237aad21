package io.tenantry.controlplane.console.flags;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.flags.FlagService;
import io.tenantry.controlplane.flags.FlagViews.CatalogueEntry;
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
 * The flag catalogue with its global switches. Per-tenant overrides and why a flag is off for a
 * tenant are on the tenant's page, beside the tenant's plan.
 */
@Path("/console/flags")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class FlagsPage {

  @CheckedTemplate(basePath = "console/FlagsPage")
  static class Templates {
    static native TemplateInstance page(List<CatalogueEntry> flags);
  }

  private final FlagService flags;

  FlagsPage(FlagService flags) {
    this.flags = flags;
  }

  @GET
  @RequiresPermission(Permissions.FLAGS_READ)
  public TemplateInstance page() {
    return Templates.page(flags.catalogue());
  }

  /** Sets the global switch of a flag on or off, or clears it (the plans decide again). */
  @POST
  @Path("/{key}")
  @RequiresPermission(Permissions.FLAGS_WRITE)
  public Response global(@PathParam("key") String key, @RestForm String value) {
    Boolean enabled =
        switch (value == null ? "" : value) {
          case "on" -> Boolean.TRUE;
          case "off" -> Boolean.FALSE;
          case "clear" -> null;
          default -> throw ProblemException.invalid("value", "must be on, off or clear");
        };
    flags.setGlobal(key, enabled);
    return Response.ok().header("HX-Redirect", "/console/flags").build();
  }
}
