package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.tickets.TicketDtos.TicketRequest;
import io.tenantry.tenantapp.tickets.TicketService;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.browser.Axe;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The forms that create subscribers, devices and tickets, in a browser: the API's rules beside each
 * field, and the new record's page after it was created.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class NewRecordsWebTest extends StaffBrowserTest {

  @Inject WebStaff staff;
  @Inject Db db;
  @Inject TicketService tickets;

  private static String unique() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
        .toUpperCase(Locale.ROOT);
  }

  /** Fills in the new-subscriber form for account {@code account} and submits it. */
  private void submitSubscriber(String account, String name, String email) {
    browser.open(base() + "/app/subscribers/new");
    find("#accountNumber").sendKeys(account);
    find("#name").sendKeys(name);
    find("#email").sendKeys(email);
    find("#servicePlan").sendKeys("Fiber 300");
    find("#radiusUsername").sendKeys(account.toLowerCase(Locale.ROOT) + "@isp");
    find("#create").click();
  }

  private String createSubscriber() {
    String account = "NEW-" + unique();
    submitSubscriber(account, "Ada " + account, account.toLowerCase(Locale.ROOT) + "@example.org");
    browser.await(ExpectedConditions.titleContains("Ada " + account));
    return account;
  }

  @Test
  void aNewSubscriberShowsTheApisRulesBesideItsFieldsThenItsPage() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    browser.open(base() + "/app/subscribers");
    find("a[href='/app/subscribers/new']").click();
    browser.await(ExpectedConditions.titleContains("New subscriber"));
    assertThat(Axe.blocking(browser.axe())).isEmpty();

    find("#accountNumber").sendKeys("lower case");
    find("#name").sendKeys("Ada Obi");
    find("#email").sendKeys("not an e-mail");
    find("#create").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("accountNumber-error")));
    assertThat(find("#accountNumber-error").getText()).isEqualTo("must be 3-32 of A-Z, 0-9 and -");
    assertThat(find("#email-error").getText()).isEqualTo("must be a well-formed email address");
    assertThat(find("#servicePlan-error").getText()).isEqualTo("must not be blank");
    assertThat(browser.driver().findElements(By.id("name-error"))).isEmpty();
    assertThat(find("#name").getAttribute("value")).isEqualTo("Ada Obi");
    assertThat(find("#accountNumber").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-new-subscriber-errors");
    browser.consoleErrors(); // the refused form's 400, which the browser logs

    String account = createSubscriber();

    assertThat(browser.driver().getCurrentUrl()).matches(".*/app/subscribers/[0-9a-f-]{36}$");
    assertThat(find("dl.props").getText()).contains(account).contains("pending");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aTakenAccountNumberIsRefusedBesideItsField() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    String account = createSubscriber();
    browser.consoleErrors();

    submitSubscriber(
        account, "Someone Else", "else-" + unique().toLowerCase(Locale.ROOT) + "@x.org");

    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("accountNumber-error")));
    assertThat(find("#accountNumber-error").getText())
        .isEqualTo("another subscriber already has this value");
    assertThat(db.count("SELECT count(*) FROM subscribers WHERE account_number = ?", account))
        .isEqualTo(1);
  }

  @Test
  void aNewDeviceIsAssignedToTheSubscriberNamedByAccount() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    String account = createSubscriber();
    String serial = "SN-" + unique();
    browser.open(base() + "/app/devices");
    find("a[href='/app/devices/new']").click();
    browser.await(ExpectedConditions.titleContains("New device"));

    find("#serialNumber").sendKeys(serial);
    find("#macAddress").sendKeys("not a mac");
    find("#account").sendKeys("NO-SUCH-ACCOUNT");
    find("#create").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("macAddress-error")));
    assertThat(find("#macAddress-error").getText()).startsWith("must be a MAC address such as");
    assertThat(find("#account-error").getText()).isEqualTo("no subscriber has this account number");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.consoleErrors();

    find("#macAddress").clear();
    find("#macAddress").sendKeys(mac());
    find("#account").clear();
    find("#account").sendKeys(account);
    new Select(find("#deviceType")).selectByValue("ROUTER");
    find("#create").click();

    browser.await(ExpectedConditions.titleContains("Device " + serial));
    assertThat(find("dl.props").getText()).contains("in_stock").contains("ROUTER");
    find("dl.props a[href^='/app/subscribers/']").click();
    browser.await(ExpectedConditions.titleContains("Ada " + account));
  }

  @Test
  void aNewTicketIsAssignedAndTheListFiltersByAssignee() {
    String support = staff.emailFor(Role.support);
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));
    String account = createSubscriber();
    browser.open(base() + "/app/tickets/new");
    assertThat(Axe.blocking(browser.axe())).isEmpty();

    find("#create").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("subject-error")));
    assertThat(find("#subject-error").getText()).isEqualTo("must not be blank");
    browser.consoleErrors();

    String unassigned = "Slow line since " + unique();
    tickets.create(new TicketRequest(unassigned, "low", null, null));
    String subject = "No signal since " + unique();
    find("#subject").sendKeys(subject);
    new Select(find("#priority")).selectByValue("high");
    find("#account").sendKeys(account);
    new Select(find("#assigneeId")).selectByVisibleText("Web support (" + support + ")");
    find("#create").click();

    browser.await(ExpectedConditions.titleContains(subject));
    assertThat(find("dl.props").getText())
        .contains("open")
        .contains("high")
        .contains("Web support");

    browser.open(base() + "/app/tickets");
    new Select(find("#f-assigneeId")).selectByVisibleText("Web support (" + support + ")");
    find("form.filters button[type=submit]").click();
    browser.await(ExpectedConditions.urlContains("assigneeId="));
    List<String> shown =
        browser.driver().findElements(By.cssSelector("#list tbody td:first-child")).stream()
            .map(WebElement::getText)
            .toList();
    List<String> assignedToSupport =
        db.list(
            "SELECT t.subject FROM tickets t JOIN staff_users u ON u.id = t.assignee_id"
                + " WHERE u.email = ?",
            row -> row.getString(1),
            support);
    assertThat(shown).contains(subject).doesNotContain(unassigned).isSubsetOf(assignedToSupport);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aReadOnlyRoleIsOfferedNoFormAndTheServerRefusesIt() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.read_only));
    browser.open(base() + "/app/subscribers");
    assertThat(browser.driver().findElements(By.cssSelector("a[href='/app/subscribers/new']")))
        .isEmpty();
    WebSession session = WebSession.signIn(staff.emailFor(Role.read_only));

    given()
        .cookie(StaffWebFilter.COOKIE, session.cookie())
        .formParam("_csrf", session.csrf())
        .formParam("subject", "Should not exist")
        .formParam("priority", "low")
        .post("/app/tickets/new")
        .then()
        .statusCode(403);
    assertThat(db.count("SELECT count(*) FROM tickets WHERE subject = 'Should not exist'"))
        .isZero();
  }

  @Test
  void aTakenInvoiceNumberIsAConflictBesideItsField() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));
    String account = createSubscriber();
    WebSession session = WebSession.signIn(staff.emailFor(Role.tenant_admin));
    String number = "INV-" + unique();
    postInvoice(session, number, account).then().statusCode(303);

    postInvoice(session, number, account)
        .then()
        .statusCode(409)
        .contentType(containsString("text/html"))
        .body(
            containsString(
                "<p class=\"field-error\" id=\"number-error\">"
                    + "another invoice already has this value</p>"))
        .body(containsString("value=\"" + account + "\""));
    assertThat(db.count("SELECT count(*) FROM invoices WHERE number = ?", number)).isEqualTo(1);
  }

  private static io.restassured.response.Response postInvoice(
      WebSession session, String number, String account) {
    return given()
        .redirects()
        .follow(false)
        .cookie(StaffWebFilter.COOKIE, session.cookie())
        .formParam("_csrf", session.csrf())
        .formParam("number", number)
        .formParam("account", account)
        .formParam("currency", "USD")
        .formParam("dueDate", "2031-01-31")
        .formParam("description", "Fiber 300")
        .formParam("quantity", "1")
        .formParam("unitPrice", "49.99")
        .post("/app/invoices/new");
  }

  private static String mac() {
    long bits = ThreadLocalRandom.current().nextLong(1L << 40);
    return String.format(
        "02:%02x:%02x:%02x:%02x:%02x",
        (bits >> 32) & 0xff,
        (bits >> 24) & 0xff,
        (bits >> 16) & 0xff,
        (bits >> 8) & 0xff,
        bits & 0xff);
  }
}
