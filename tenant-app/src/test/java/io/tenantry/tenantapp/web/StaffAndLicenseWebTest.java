package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffService;
import io.tenantry.tenantapp.identity.StaffStatus;
import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.identity.StaffUsers;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestClock;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.browser.Axe;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Staff management within the seats, and what the license state does to the web app. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class StaffAndLicenseWebTest extends StaffBrowserTest {

  private static final Instant EXPIRES = Instant.parse("2030-01-31T00:00:00Z");

  @Inject WebStaff staff;
  @Inject TestTenant tenant;
  @Inject TestClock clock;
  @Inject StaffUsers staffUsers;
  @Inject StaffService staffService;

  @AfterEach
  void restore() {
    clock.reset();
    tenant.restoreEntitlements();
  }

  private void invite(String email) {
    find("#email").sendKeys(email);
    find("#displayName").sendKeys("Someone New");
    find("#invite").click();
  }

  @Test
  void invitingStopsAtTheSeatLimitWithAClearMessage() {
    String admin = staff.emailFor(Role.tenant_admin);
    long used = staffUsers.countSeated();
    tenant.entitle(TestEntitlements.plan("starter", (int) used + 1));
    WebStaff.signIn(browser, base(), admin);
    browser.open(base() + "/app/staff");
    assertThat(find("#seats").getText())
        .isEqualTo("%d of %d seats used.".formatted(used, used + 1));

    invite("last.seat@staff.test");
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("invitation-link")));
    assertThat(find("#invitation-link").getText()).contains("/app/invitation?token=");

    assertThat(find("#seats").getText())
        .isEqualTo("%d of %d seats used.".formatted(used + 1, used + 1));
    assertThat(find("#seat-limit").getText())
        .startsWith("All %d seats are in use".formatted(used + 1));
    assertThat(find("#invite").isEnabled()).isFalse();
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-staff-seat-limit");

    // the server refuses anyway, with the service's seat-limit message
    String session = browser.cookies().get(StaffWebFilter.COOKIE).getValue();
    given()
        .cookie(StaffWebFilter.COOKIE, session)
        .formParam("_csrf", find("meta[name=csrf-token]").getAttribute("content"))
        .formParam("email", "one.too.many@staff.test")
        .formParam("displayName", "One Too Many")
        .formParam("role", "support")
        .post("/app/staff")
        .then()
        .statusCode(409)
        .body(containsString("seats of the license are in use"));
    assertThat(staffUsers.byEmail("one.too.many@staff.test")).isEmpty();
  }

  @Test
  void anAdministratorResetsAStaffPasswordAndTheLinkSetsANewOne() {
    String support = staff.emailFor(Role.support);
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));
    browser.open(base() + "/app/staff");
    String id = staffUsers.byEmail(support).orElseThrow().id.toString();

    find("form[action='/app/staff/" + id + "/reset-password'] button").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("invitation-link")));
    String link = find("#invitation-link code").getText();
    browser.driver().manage().deleteAllCookies();

    browser.open(base() + link);
    find("#password").sendKeys("a completely new passphrase");
    find("main form button").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
    given()
        .contentType("application/json")
        .body(Map.of("email", support, "password", "a completely new passphrase"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
  }

  @Test
  void anAdministratorChangesARoleThenDisablesAndEnablesAStaffMember() {
    String email = staff.emailFor(Role.support, "role.change@staff.test");
    String id = staffUsers.byEmail(email).orElseThrow().id.toString();
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));
    browser.open(base() + "/app/staff");

    new Select(find("#role-" + id)).selectByValue("billing");
    find("form[action='/app/staff/" + id + "/role'] button").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(find(".notice").getText()).isEqualTo("Role changed.");
    assertThat(staffUsers.byEmail(email).orElseThrow().role).isEqualTo(Role.billing);

    find("form[action='/app/staff/" + id + "/disable'] button").click();
    browser.await(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Staff user disabled."));
    assertThat(staffUsers.byEmail(email).orElseThrow().status).isEqualTo(StaffStatus.disabled);
    assertThat(Axe.blocking(browser.axe())).isEmpty();

    find("form[action='/app/staff/" + id + "/enable'] button").click();
    browser.await(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Staff user enabled."));
    assertThat(staffUsers.byEmail(email).orElseThrow().status).isEqualTo(StaffStatus.active);
  }

  @Test
  void enablingSomeoneWhoNeverAcceptedTheirInvitationSaysToInviteThemAgain() {
    String email = "never.accepted." + System.nanoTime() + "@staff.test";
    var invited = staffService.invite(email, "Never Accepted", Role.support).user();
    staffService.disable(invited.id(), java.util.UUID.randomUUID());
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));
    browser.open(base() + "/app/staff");

    find("form[action='/app/staff/" + invited.id() + "/enable'] button").click();

    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
    assertThat(find("#refusal").getText())
        .isEqualTo(
            email
                + " never accepted their invitation, so there is no password to give back:"
                + " invite them again with the form instead.");
    assertThat(find("h1").getText()).isEqualTo("Staff");
    assertThat(staffUsers.byEmail(email).orElseThrow().status).isEqualTo(StaffStatus.disabled);
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.consoleErrors(); // the refused enable's 409, which the browser logs
  }

  @Test
  void aOneTimePasswordLeadsToThePasswordPageUntilChanged() {
    String email =
        staff.emailFor(Role.tenant_admin, "one.time." + System.nanoTime() + "@staff.test");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              StaffUser user = staffUsers.lock(staffUsers.byEmail(email).orElseThrow().id);
              user.passwordChangeRequired = true;
              staffUsers.update(user);
            });
    browser.open(base() + "/app/sign-in");
    find("#email").sendKeys(email);
    find("#password").sendKeys(WebStaff.PASSWORD);
    find("main form button[type=submit]").click();

    browser.await(ExpectedConditions.titleContains("Change your password"));
    assertThat(find("#password-change-required").getText())
        .isEqualTo(
            "Your password was given to you for one sign-in only:"
                + " choose your own before you continue.");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.open(base() + "/app/subscribers");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/app/password");

    find("#currentPassword").sendKeys(WebStaff.PASSWORD);
    find("#newPassword").sendKeys("a passphrase of my own");
    find("main form button[type=submit]").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(browser.driver().findElements(By.id("password-change-required"))).isEmpty();
    browser.open(base() + "/app/subscribers");
    browser.await(ExpectedConditions.titleContains("Subscribers"));
    assertThat(staffUsers.byEmail(email).orElseThrow().passwordChangeRequired).isFalse();
  }

  @Test
  void duringGraceABannerWarnsAndChangesStillWork() {
    tenant.entitle(TestEntitlements.plan("starter", 1000).expiresAt(EXPIRES, 14));
    clock.pin(EXPIRES, Duration.ofDays(3));
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));

    assertThat(find("#license-banner").getText()).startsWith("The license expired on");
    assertThat(find("#license-banner").getAttribute("class")).contains("banner-grace");
    browser.open(base() + "/app/staff");
    assertThat(find("#invite").isEnabled()).isTrue();
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-grace-banner");
  }

  @Test
  void afterGraceTheAppIsReadOnlyAndTheServerRefusesWrites() {
    tenant.entitle(TestEntitlements.plan("starter", 1000).expiresAt(EXPIRES, 14));
    clock.pin(EXPIRES, Duration.ofDays(14));
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));

    assertThat(find("#license-banner").getText()).contains("read-only");
    browser.open(base() + "/app/invoices/new");
    assertThat(find("#create-invoice").isEnabled()).isFalse();
    for (String form : new String[] {"subscribers", "devices", "tickets"}) {
      browser.open(base() + "/app/" + form + "/new");
      assertThat(find("#create").isEnabled()).as(form).isFalse();
    }
    browser.open(base() + "/app/staff");
    assertThat(find("#invite").isEnabled()).isFalse();
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-read-only");

    String session = browser.cookies().get(StaffWebFilter.COOKIE).getValue();
    given()
        .cookie(StaffWebFilter.COOKIE, session)
        .formParam("_csrf", find("meta[name=csrf-token]").getAttribute("content"))
        .formParam("email", "too.late@staff.test")
        .formParam("displayName", "Too Late")
        .formParam("role", "support")
        .post("/app/staff")
        .then()
        .statusCode(403)
        .body(containsString("read-only"));
    assertThat(staffUsers.byEmail("too.late@staff.test")).isEmpty();
  }

  @Test
  void featuresThePlanLacksAreNotOffered() {
    tenant.entitle(
        TestEntitlements.plan("basic", 1000)
            .features(
                Map.of("invoicing", false, "support-tickets", false, "radius-sessions", true)));
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));

    assertThat(find("nav.main-nav").getText()).doesNotContain("Invoices").doesNotContain("Tickets");
    assertThat(browser.driver().findElements(By.id("overdue-invoices"))).isEmpty();
    browser.open(base() + "/app/invoices/new");
    assertThat(find("main h1").getText()).isEqualTo("Not found");
  }
}
