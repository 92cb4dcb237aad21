package io.tenantry.tenantapp.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.entitlements.Entitlements;
import io.tenantry.tenantapp.entitlements.EntitlementsStore;
import io.tenantry.tenantapp.entitlements.LicenseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every page shows around its own content (layout.html): the tenant's name, the navigation the
 * staff member's role and the plan allow, the license banner and the CSRF token.
 */
@ApplicationScoped
public class Pages {

  /** A navigation entry. */
  public record NavItem(String href, String label, String section) {}

  /** The license notice at the top of every page; absent while all is well. */
  public record Banner(String kind, String message) {}

  private final Tenant tenant;
  private final CurrentStaff current;
  private final EntitlementsStore entitlements;
  private final Clock clock;

  Pages(Tenant tenant, CurrentStaff current, EntitlementsStore entitlements, Clock clock) {
    this.tenant = tenant;
    this.current = current;
    this.entitlements = entitlements;
    this.clock = clock;
  }

  public TemplateInstance page(Template template, String section, String title) {
    Entitlements now = entitlements.current();
    return template
        .data("tenantName", tenant.displayName())
        .data("title", title)
        .data("section", section)
        .data("me", current.user().orElse(null))
        .data("csrf", current.user().map(SignedIn::csrf).orElse(""))
        .data("nav", nav(now))
        .data("banner", banner(now))
        .data("writable", writable());
  }

  /** Whether the license allows changes now (write controls are disabled otherwise). */
  public boolean writable() {
    return entitlements.current().readOnlyAt(clock.instant()).isEmpty();
  }

  /** Whether the plan includes {@code feature}; pages of a missing feature are not offered. */
  public boolean feature(String feature) {
    return entitlements.current().allows(feature);
  }

  /** Refuses a page of a feature the plan lacks, as if it did not exist. */
  public void requireFeature(String feature) {
    if (!feature(feature)) {
      throw WebRefusal.notFound("This plan does not include " + feature + ".");
    }
  }

  private List<NavItem> nav(Entitlements plan) {
    List<NavItem> items = new ArrayList<>();
    items.add(new NavItem("/app", "Dashboard", "dashboard"));
    add(items, "subscribers:read", null, plan, "/app/subscribers", "Subscribers", "subscribers");
    add(items, "devices:read", null, plan, "/app/devices", "Devices", "devices");
    add(items, "billing:read", "invoicing", plan, "/app/invoices", "Invoices", "invoices");
    add(items, "radius:read", "radius-sessions", plan, "/app/sessions", "Sessions", "sessions");
    add(items, "tickets:read", "support-tickets", plan, "/app/tickets", "Tickets", "tickets");
    add(items, "staff:read", null, plan, "/app/staff", "Staff", "staff");
    return items;
  }

  private void add(
      List<NavItem> items,
      String permission,
      String feature,
      Entitlements plan,
      String href,
      String label,
      String section) {
    if (current.can(permission) && (feature == null || plan.allows(feature))) {
      items.add(new NavItem(href, label, section));
    }
  }

  private Banner banner(Entitlements plan) {
    Instant now = clock.instant();
    if (plan.readOnlyAt(now).isPresent()) {
      return new Banner(
          "read-only",
          "The license is %s: this tenant is read-only. Contact your provider to renew."
              .formatted(plan.readOnlyAt(now).get()));
    }
    if (plan.licenseStatus() == LicenseStatus.grace && plan.expiresAt() == null) {
      return new Banner(
          "grace", "The license is in its grace period; renew it to keep changes possible.");
    }
    if (plan.expiresAt() != null && !now.isBefore(plan.expiresAt())) {
      return new Banner(
          "grace",
          "The license expired on %s. Changes stay possible until %s; renew before then."
              .formatted(plan.expiresAt(), plan.graceEndsAt()));
    }
    return null;
  }
}
