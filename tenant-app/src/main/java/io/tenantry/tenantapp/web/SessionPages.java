package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionView;
import io.tenantry.tenantapp.radius.RadiusService;
import io.tenantry.tenantapp.web.Views.Action;
import io.tenantry.tenantapp.web.Views.FilterField;
import io.tenantry.tenantapp.web.Views.Option;
import io.tenantry.tenantapp.web.Views.Prop;
import io.tenantry.tenantapp.web.Views.Row;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RADIUS sessions: the list (online ones first of interest), a session's page, disconnecting. */
@Path("/app/sessions")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SessionPages {

  private static final String FEATURE = "radius-sessions";

  private final RadiusService radius;
  private final ListPage lists;
  private final Pages pages;
  private final Template detail;
  private final CurrentStaff current;
  private final WebErrors errors;

  SessionPages(
      RadiusService radius,
      ListPage lists,
      Pages pages,
      @Location("app/detail.html") Template detail,
      CurrentStaff current,
      WebErrors errors) {
    this.radius = radius;
    this.lists = lists;
    this.pages = pages;
    this.detail = detail;
    this.current = current;
    this.errors = errors;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String active,
      @RestQuery String username,
      @RestQuery String sort,
      @RestQuery String cursor) {
    pages.requireFeature(FEATURE);
    current.require("radius:read");
    String order = sort == null || sort.isBlank() ? "-startedAt" : sort;
    Boolean online =
        active == null || active.isBlank() ? null : Boolean.valueOf("true".equals(active));
    var page =
        radius.list(
            new RadiusService.Filter(Views.blankToNull(username), online),
            order,
            Views.blankToNull(cursor),
            ListPage.PAGE_SIZE);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("active", active);
    params.put("username", username);
    params.put("sort", order);
    List<FilterField> filters =
        List.of(
            FilterField.select(
                "active",
                "Online",
                active,
                List.of(
                    new Option("", "Any"),
                    new Option("true", "online"),
                    new Option("false", "ended"))),
            FilterField.input("username", "Username", "text", username),
            FilterField.select(
                "sort",
                "Sort by",
                order,
                Views.sorts(Map.of("startedAt", "Started", "username", "Username"))));
    return lists.render(
        "sessions",
        "RADIUS sessions",
        "/app/sessions",
        filters,
        List.of("Username", "NAS", "Started", "Ended", "In / out bytes"),
        page,
        s ->
            new Row(
                "/app/sessions/" + s.id(),
                List.of(
                    s.username(),
                    s.nasIp(),
                    s.startedAt().toString(),
                    s.endedAt() == null ? "online" : s.endedAt().toString(),
                    s.bytesIn() + " / " + s.bytesOut())),
        params,
        cursor != null && !cursor.isBlank());
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    pages.requireFeature(FEATURE);
    current.require("radius:read");
    return page(radius.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/disconnect")
  public Response disconnect(UUID id, @RestForm("_csrf") String csrf) {
    pages.requireFeature(FEATURE);
    current.checkCsrf(csrf);
    current.require("radius:write");
    try {
      return Response.ok(page(radius.disconnect(id), Map.of(), "Session disconnected.")).build();
    } catch (ProblemException e) {
      if (e.problem().status() == 404) {
        throw e;
      }
      return Response.status(e.problem().status())
          .entity(page(radius.get(id), Forms.errorsOf(e), null))
          .build();
    }
  }

  private TemplateInstance page(SessionView s, Map<String, String> errors, String notice) {
    List<Action> actions =
        current.can("radius:write") && s.active()
            ? List.of(
                new Action(
                    "/app/sessions/" + s.id() + "/disconnect", "Disconnect", "disconnect", true))
            : List.of();
    return pages
        .page(detail, "sessions", "Session of " + s.username())
        .data(
            "props",
            List.of(
                Prop.of("Username", s.username()),
                Prop.of("NAS", s.nasIp()),
                Prop.of("Started", s.startedAt()),
                Prop.of("Ended", s.endedAt() == null ? "online" : s.endedAt()),
                Prop.of("Bytes in", s.bytesIn()),
                Prop.of("Bytes out", s.bytesOut()),
                Prop.of("Terminate cause", s.terminateCause())))
        .data("actions", actions)
        .data("errors", errors)
        .data("notice", notice);
  }

  @ServerExceptionMapper
  Response problem(ProblemException e) {
    return errors.page(e);
  }
}
