package io.tenantry.controlplane.console.rollouts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.rollouts.RolloutService;
import io.tenantry.controlplane.rollouts.RolloutViews;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Fleet rollouts: the list, and one rollout with its waves and each tenant's state and reason.
 * Owners and admins get the pause, resume, abort and promote buttons the rollout's state allows;
 * the server checks the permission and the state again (403, 409) whatever the page showed.
 */
@Path("/console/rollouts")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class RolloutsPage {

  @CheckedTemplate(basePath = "console/RolloutsPage")
  static class Templates {
    static native TemplateInstance list(
        List<RolloutViews.Summary> rollouts, List<RolloutViews.ReleaseView> releases);

    static native TemplateInstance page(RolloutViews.Detail details);
  }

  private final RolloutService rollouts;

  RolloutsPage(RolloutService rollouts) {
    this.rollouts = rollouts;
  }

  @GET
  @RequiresPermission(Permissions.ROLLOUTS_READ)
  public TemplateInstance list() {
    return Templates.list(rollouts.list(), rollouts.releases());
  }

  @GET
  @Path("/{name}")
  @RequiresPermission(Permissions.ROLLOUTS_READ)
  public TemplateInstance page(@PathParam("name") String name) {
    return Templates.page(rollouts.get(name));
  }

  @POST
  @Path("/{name}/{action:pause|resume|abort|promote}")
  @RequiresPermission(Permissions.ROLLOUTS_WRITE)
  public Response act(@PathParam("name") String name, @PathParam("action") String action) {
    rollouts.act(name, action);
    return Response.ok().header("HX-Redirect", "/console/rollouts/" + name).build();
  }
}
