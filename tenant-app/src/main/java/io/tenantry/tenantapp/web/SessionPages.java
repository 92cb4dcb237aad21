package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
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

/** RADIUS sessions: the list (online ones first of interest), a session's page, disconnecting. */
@Path("/app/sessions")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SessionPages {

  private static final String FEATURE = "radius-sessions";

  private final RadiusService radius;
  private final ListPage lists;
  private final RecordPages records;
  private final CurrentStaff current;

  SessionPages(RadiusService radius, ListPage lists, RecordPages records, CurrentStaff current) {
    this.radius = radius;
    this.lists = lists;
    this.records = records;
    this.current = current;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String active,
      @RestQuery String username,
      @RestQuery String sort,
      @RestQuery String cursor) {
    records.read(FEATURE, "radius:read");
    String order = ListPage.order(sort, "-startedAt");
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
        cursor);
  }

  @GET
  @Path("{id}")
  public TemplateInstance show(UUID id) {
    records.read(FEATURE, "radius:read");
    return page(radius.get(id), Map.of(), null);
  }

  @POST
  @Path("{id}/disconnect")
  public Response disconnect(UUID id, @RestForm("_csrf") String csrf) {
    records.write(FEATURE, csrf, "radius:write");
    return records.change(
        () -> page(radius.disconnect(id), Map.of(), "Session disconnected."),
        errors -> page(radius.get(id), errors, null));
  }

  private TemplateInstance page(SessionView s, Map<String, String> errors, String notice) {
    List<Action> actions =
        current.can("radius:write") && s.active()
            ? List.of(
                new Action(
                    "/app/sessions/" + s.id() + "/disconnect", "Disconnect", "disconnect", true))
            : List.of();
    return records.detail(
        "sessions",
        "Session of " + s.username(),
        List.of(
            Prop.of("Username", s.username()),
            Prop.of("NAS", s.nasIp()),
            Prop.of("Started", s.startedAt()),
            Prop.of("Ended", s.endedAt() == null ? "online" : s.endedAt()),
            Prop.of("Bytes in", s.bytesIn()),
            Prop.of("Bytes out", s.bytesOut()),
            Prop.of("Terminate cause", s.terminateCause())),
        actions,
        errors,
        notice);
  }
}
