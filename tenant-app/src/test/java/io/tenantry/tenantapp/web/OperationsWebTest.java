package io.tenantry.tenantapp.web;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Devices, RADIUS sessions and tickets in a browser: assign, disconnect, status and comments. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class OperationsWebTest extends StaffBrowserTest {

  private static boolean seeded;

  @Inject WebStaff staff;
  @Inject TestTenant tenant;
  @Inject DemoDataService demo;
  @Inject Db db;

  @BeforeEach
  void demoData() {
    if (!seeded) {
      tenant.cleanDomain();
      demo.generate(100);
      seeded = true;
    }
  }

  private String first(String sql) {
    return db.first(sql, row -> row.getString(1)).orElseThrow();
  }

  @Test
  void anOperatorAssignsADeviceToASubscriber() {
    String account = first("SELECT account_number FROM subscribers WHERE name = 'Grace Mensah'");
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    browser.open(base() + "/app/devices?deviceType=ONU");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-devices");
    find("#list tbody tr td a").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("account")));

    find("#account").sendKeys("NO-SUCH-ACCOUNT");
    find("form[action$='/assign'] button").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("account-error")));
    assertThat(find("#account-error").getText()).isEqualTo("no subscriber has this account number");
    browser.consoleErrors();

    find("#account").sendKeys(account);
    find("form[action$='/assign'] button").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(find(".notice").getText()).isEqualTo("Device assigned.");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void anOperatorDisconnectsAnOnlineSession() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    browser.open(base() + "/app/sessions?active=true");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    find("#list tbody tr td a").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("action-disconnect")));

    find("#action-disconnect").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));

    assertThat(find(".notice").getText()).isEqualTo("Session disconnected.");
    assertThat(find("dl.props").getText()).doesNotContain("online");
    assertThat(browser.driver().findElements(By.id("action-disconnect"))).isEmpty();
  }

  @Test
  void supportCommentsOnATicketAndMovesItOn() {
    String id = first("SELECT id::text FROM tickets WHERE status = 'open' LIMIT 1");
    WebStaff.signIn(browser, base(), staff.emailFor(Role.support));
    browser.open(base() + "/app/tickets");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.open(base() + "/app/tickets/" + id);

    find("#body").sendKeys("Called the subscriber; <b>router</b> restarted.");
    find("form[action$='/comments'] button").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    // escaped, shown as typed
    assertThat(find("#comments").getText()).contains("<b>router</b> restarted.");

    find("#action-in_progress").click();
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "in_progress"));
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-ticket");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
