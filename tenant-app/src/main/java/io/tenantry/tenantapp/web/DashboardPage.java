package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.db.Db;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The first page after sign-in: the four numbers an ISP's staff watch. */
@Path("/app")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

  /** One number on the dashboard, linking to the list it counts. */
  public record Stat(String id, String label, long value, String href) {}

  private final Template dashboard;
  private final Pages pages;
  private final CurrentStaff current;
  private final Db db;

  DashboardPage(
      @Location("app/dashboard.html") Template dashboard,
      Pages pages,
      CurrentStaff current,
      Db db) {
    this.dashboard = dashboard;
    this.pages = pages;
    this.current = current;
    this.db = db;
  }

  @GET
  @Transactional
  public TemplateInstance dashboard() {
    current.signedIn();
    List<Stat> stats = new ArrayList<>();
    if (current.can("subscribers:read")) {
      stats.add(
          stat(
              "active-subscribers",
              "Active subscribers",
              "SELECT count(*) FROM subscribers WHERE status = 'active'",
              "/app/subscribers?status=active"));
    }
    if (current.can("tickets:read") && pages.feature("support-tickets")) {
      stats.add(
          stat(
              "open-tickets",
              "Open tickets",
              "SELECT count(*) FROM tickets WHERE status IN ('open', 'in_progress', 'waiting')",
              "/app/tickets?status=open"));
    }
    if (current.can("billing:read") && pages.feature("invoicing")) {
      // issued invoices past their due date count as overdue before anyone marks them so
      stats.add(
          stat(
              "overdue-invoices",
              "Overdue invoices",
              "SELECT count(*) FROM invoices WHERE status = 'overdue'"
                  + " OR (status = 'issued' AND due_date < current_date)",
              "/app/invoices?status=overdue"));
    }
    if (current.can("radius:read") && pages.feature("radius-sessions")) {
      stats.add(
          stat(
              "online-sessions",
              "Online RADIUS sessions",
              "SELECT count(*) FROM radius_sessions WHERE ended_at IS NULL",
              "/app/sessions?active=true"));
    }
    return pages.page(dashboard, "dashboard", "Dashboard").data("stats", stats);
  }

  private Stat stat(String id, String label, String countSql, String href) {
    return new Stat(id, label, db.count(countSql), href);
  }
}
