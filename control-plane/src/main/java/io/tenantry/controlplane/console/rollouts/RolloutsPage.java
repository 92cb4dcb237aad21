package io.tenantry.controlplane.console.rollouts;

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
import io.tenantry.controlplane.rollouts.RolloutService;
import io.tenantry.controlplane.rollouts.RolloutViews;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Fleet rollouts: the list, and one rollout with its waves and each tenant's state and reason, kept
 * live over server-sent events as the tenants page is. Owners and admins get the pause, resume,
 * abort and promote buttons the rollout's state allows; the server checks the permission and the
 * state again (403, 409) whatever the page showed.
 */
@Path("/console/rollouts")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class RolloutsPage {

  private static final Logger LOG = Logger.getLogger(RolloutsPage.class);

  @CheckedTemplate(basePath = "console/RolloutsPage")
  static class Templates {
    static native TemplateInstance list(
        List<RolloutViews.Summary> rollouts, List<RolloutViews.ReleaseView> releases);

    static native TemplateInstance page(RolloutViews.Detail details, boolean canWrite);

    static native TemplateInstance facts(RolloutViews.Summary r);

    static native TemplateInstance actions(RolloutViews.Summary r);

    static native TemplateInstance waves(RolloutViews.Detail details);
  }

  private final RolloutService rollouts;
  private final ConsoleUser me;
  private final ConsoleConfig config;

  RolloutsPage(RolloutService rollouts, ConsoleUser me, ConsoleConfig config) {
    this.rollouts = rollouts;
    this.me = me;
    this.config = config;
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
    return Templates.page(rollouts.get(name), me.can(Permissions.ROLLOUTS_WRITE));
  }

  /**
   * Server-sent events for one rollout's page: {@code facts} (phase, wave, done/total, failed),
   * {@code waves} (conditions, each wave and its tenants' states) and, for users who may act,
   * {@code actions} (the buttons the state allows now). Each carries the HTML htmx swaps in, and is
   * sent only when it changed. The stream reads the Rollout from the cluster each interval, as the
   * page itself does: the control plane keeps no copy of a rollout.
   */
  @GET
  @Path("/{name}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RequiresPermission(Permissions.ROLLOUTS_READ)
  @Blocking
  public Multi<OutboundSseEvent> events(@PathParam("name") String name, Sse sse) {
    // Decided once, on the request: the ticks run outside it, and the page offered no buttons
    // to a user who may not act, so the stream has nothing to swap them into either.
    boolean canWrite = me.can(Permissions.ROLLOUTS_WRITE);
    Map<String, String> sent = new ConcurrentHashMap<>();
    return Multi.createFrom()
        .ticks()
        .every(config.liveInterval())
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(tick -> changes(name, canWrite, sent, sse));
  }

  private List<OutboundSseEvent> changes(
      String name, boolean canWrite, Map<String, String> sent, Sse sse) {
    List<OutboundSseEvent> events = new ArrayList<>();
    RolloutViews.Detail details;
    try {
      details = rollouts.get(name);
    } catch (ProblemException e) {
      // Gone or cluster unreachable: keep the page as it is and look again on the next tick.
      LOG.debugf("rollout %s not shown live this tick: %s", name, e.problem().detail());
      return events;
    }
    add(events, sent, sse, "facts", Templates.facts(details.rollout()));
    add(events, sent, sse, "waves", Templates.waves(details));
    if (canWrite) {
      add(events, sent, sse, "actions", Templates.actions(details.rollout()));
    }
    return events;
  }

  /** Sends the fragment unless this stream sent the same HTML last time. */
  private static void add(
      List<OutboundSseEvent> events,
      Map<String, String> sent,
      Sse sse,
      String event,
      TemplateInstance fragment) {
    String html = fragment.render().replace('\n', ' ');
    if (!html.equals(sent.put(event, html))) {
      events.add(sse.newEventBuilder().name(event).data(html).build());
    }
  }

  @POST
  @Path("/{name}/{action:pause|resume|abort|promote}")
  @RequiresPermission(Permissions.ROLLOUTS_WRITE)
  public Response act(@PathParam("name") String name, @PathParam("action") String action) {
    rollouts.act(name, action);
    return Response.ok().header("HX-Redirect", "/console/rollouts/" + name).build();
  }
}
