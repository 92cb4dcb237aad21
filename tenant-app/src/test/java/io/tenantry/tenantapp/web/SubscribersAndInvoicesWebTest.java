package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.demo.DemoDataService;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.browser.Axe;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Subscribers, the fast search and invoices, in a browser, over the demo data. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SubscribersAndInvoicesWebTest extends StaffBrowserTest {

  /** Three pages of 25; "Grace Mensah" is number 42. */
  private static final int SUBSCRIBERS = 60;

  private static boolean seeded;

  @Inject WebStaff staff;
  @Inject TestTenant tenant;
  @Inject DemoDataService demo;
  @Inject Db db;

  @BeforeEach
  void demoData() {
    if (!seeded) {
      tenant.cleanDomain();
      demo.generate(SUBSCRIBERS);
      seeded = true;
    }
  }

  @Test
  void aMisspeltNameFindsTheSubscriber() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.read_only));
    browser.open(base() + "/app/search");

    find("#q").sendKeys("Grase Mensah");
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hit-list a")));

    assertThat(find("#hit-list a").getText()).isEqualTo("Grace Mensah");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-search");
    find("#hit-list a").click();
    browser.await(ExpectedConditions.titleContains("Grace Mensah"));
    assertThat(find("main h1").getText()).isEqualTo("Grace Mensah");
    assertThat(browser.driver().findElements(By.cssSelector(".actions button"))).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void pagingThroughTheSubscribersSortedByName() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    long active = db.count("SELECT count(*) FROM subscribers WHERE status = 'active'");
    assertThat(find("#active-subscribers .value").getText()).isEqualTo(String.valueOf(active));

    browser.open(base() + "/app/subscribers?sort=name");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-subscribers");
    List<String> names = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      List<String> shown =
          browser.driver().findElements(By.cssSelector("#list tbody tr td:first-child")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(shown).hasSize(page < 3 ? 25 : 10);
      names.addAll(shown);
      if (page < 3) {
        find("#next-page").click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("first-page")));
      }
    }
    assertThat(browser.driver().findElements(By.id("next-page"))).isEmpty();
    assertThat(names).hasSize(SUBSCRIBERS).isSortedAccordingTo(Comparator.naturalOrder());

    // and back: the previous page of the third is the second, whose previous is the first
    for (int page = 2; page >= 1; page--) {
      WebElement shownBefore = find("#list");
      find("#prev-page").click();
      browser.await(ExpectedConditions.stalenessOf(shownBefore));
      List<String> shown =
          browser.driver().findElements(By.cssSelector("#list tbody tr td:first-child")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(shown).isEqualTo(names.subList((page - 1) * 25, page * 25));
    }
    assertThat(browser.driver().findElements(By.id("prev-page"))).isEmpty();
  }

  @Test
  void aBadFilterValueIsA400PageNamingIt() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    browser.open(base() + "/app/subscribers?sort=shoeSize");

    assertThat(find(".error-message").getText()).startsWith("sort: must be one of");
  }

  @Test
  void createAndIssueAnInvoice() {
    String account =
        db.first(
                "SELECT account_number FROM subscribers WHERE name = 'Grace Mensah'",
                row -> row.getString(1))
            .orElseThrow();
    WebStaff.signIn(browser, base(), staff.emailFor(Role.billing));
    browser.open(base() + "/app/invoices");
    find("a[href='/app/invoices/new']").click();
    browser.await(ExpectedConditions.titleContains("New invoice"));

    find("#number").sendKeys("WEB-0001");
    find("#account").sendKeys(account);
    find("input[name=description]").sendKeys("Fiber 300, December");
    find("input[name=unitPrice]").sendKeys("forty");
    find("#create-invoice").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
    assertThat(find("main").getText())
        .contains("line 1 unit price: must be a number such as 49.99");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.consoleErrors(); // the refused form's 400, which the browser logs

    find("input[name=unitPrice]").clear();
    find("input[name=unitPrice]").sendKeys("49.99");
    find("[data-add-line]").click();
    List<WebElement> descriptions = browser.driver().findElements(By.name("description"));
    descriptions.get(1).sendKeys("Router rental");
    browser.driver().findElements(By.name("unitPrice")).get(1).sendKeys("5.00");
    find("#create-invoice").click();
    browser.await(ExpectedConditions.titleContains("Invoice WEB-0001"));
    assertThat(find("dl.props").getText()).contains("draft").contains("54.99 USD");

    find("#action-issued").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(find(".notice").getText()).isEqualTo("Invoice is now issued.");
    assertThat(find("dl.props").getText()).contains("issued");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot("app-invoice");

    find("#action-paid").click();
    browser.await(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Invoice is now paid."));
    assertThat(find("dl.props").getText()).contains("paid");
    assertThat(browser.driver().findElements(By.cssSelector(".actions button"))).isEmpty();
  }

  @Test
  void anOperatorSuspendsAnActiveSubscriber() {
    String id =
        db.first(
                "SELECT id::text FROM subscribers WHERE status = 'active' ORDER BY name LIMIT 1",
                row -> row.getString(1))
            .orElseThrow();
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    browser.open(base() + "/app/subscribers/" + id);

    find("#action-suspended").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));

    assertThat(find(".notice").getText()).isEqualTo("Status is now suspended.");
    assertThat(find("#action-active").getText()).isEqualTo("Activate");
  }

  @Test
  void aReadOnlyRoleSeesNoWriteControlsAndTheServerRefusesTheWrite() {
    String id =
        db.first("SELECT id::text FROM subscribers LIMIT 1", row -> row.getString(1)).orElseThrow();
    WebStaff.signIn(browser, base(), staff.emailFor(Role.read_only));
    browser.open(base() + "/app/subscribers/" + id);
    assertThat(browser.driver().findElements(By.cssSelector(".actions button"))).isEmpty();
    String session = browser.cookies().get(StaffWebFilter.COOKIE).getValue();
    String csrf = find("meta[name=csrf-token]").getAttribute("content");

    given()
        .cookie(StaffWebFilter.COOKIE, session)
        .formParam("_csrf", csrf)
        .formParam("status", "terminated")
        .post("/app/subscribers/" + id + "/status")
        .then()
        .statusCode(403);
    assertThat(
            db.count(
                "SELECT count(*) FROM subscribers WHERE id = ?::uuid AND status = 'terminated'",
                id))
        .isZero();
  }
}
