package io.tenantry.controlplane.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditAnchor;
import io.tenantry.controlplane.audit.AuditAnchors;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenantlink.TenantFixtures;
import io.tenantry.controlplane.tenants.LifecycleState;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.tenants.TenantRequests;
import io.tenantry.controlplane.tenants.TenantService;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Permissions on every page, cross-tenant search, the audit log, flags and platform users. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleAreasTest extends ConsoleBrowserTest {

  private static WireMockServer tenantApps;
  @Inject TenantFixtures fixtures;
  @Inject TenantEndpoints endpoints;
  @Inject TenantService tenants;
  @Inject AuditLog audit;
  @Inject AuditAnchors anchors;

  @BeforeAll
  static void startTenantApps() {
    tenantApps = new WireMockServer(wireMockConfig().dynamicPort());
    tenantApps.start();
  }

  @AfterAll
  static void stopTenantApps() {
    tenantApps.stop();
  }

  @BeforeEach
  void resetTenantApps() {
    tenantApps.resetAll();
  }

  @Test
  void aSupportUserSeesNoWriteControlsAndTheServerRefusesTheWriteAnyway() {
    fixtures.ready("acme");
    PlatformUser support = platform.user(Role.SUPPORT);
    ConsoleSession.signInAs(browser, base(), support);

    assertThat(present("#create-tenant")).isFalse();
    assertThat(present("a[href='/console/users']")).isFalse();
    assertCleanPage(browser);
    open("/console/tenants/acme", "Tenant Tenant acme");
    assertThat(present("#suspend")).isFalse();
    assertThat(present("#delete-form")).isFalse();
    assertThat(present("#flags button")).isFalse();
    assertThat(find("#flag-invoicing .source").getText()).isNotBlank();
    assertCleanPage(browser);
    open("/console/flags", "Feature flags");
    assertThat(present("#catalogue button")).isFalse();
    assertCleanPage(browser);
    open("/console/audit", "Audit log");
    assertThat(present("#verify")).isFalse();
    assertThat(present("#export")).isFalse();

    String cookie = browser.cookies().get("tenantry_console").getValue();
    String csrf = find("meta[name=csrf-token]").getAttribute("content");
    given()
        .cookie("tenantry_console", cookie)
        .header("X-CSRF-Token", csrf)
        .header("Origin", base())
        .post("/console/tenants/acme/suspend")
        .then()
        .statusCode(403);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> TenantRecord.findBySlug("acme").orElseThrow().state))
        .isEqualTo(LifecycleState.ACTIVE);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        AuditEntry.count(
                            "actor = ?1 and outcome = 'failure' and target like ?2",
                            support.email,
                            "%/console/tenants/acme/suspend%")))
        .isEqualTo(1);
    given()
        .cookie("tenantry_console", cookie)
        .redirects()
        .follow(false)
        .get("/console/users")
        .then()
        .statusCode(403);
  }

  @Test
  void aSearchShowsEachTenantsStatusWithTheOneThatIsDownShownAsSuch() {
    tenantApps.stubFor(
        get(urlPathEqualTo("/good/internal/v1/search"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"hits":[{"type":"subscriber","id":"g1","title":"John Good",\
                        "subtitle":"Main St","score":0.9}]}""")));
    fixtures.ready("good");
    fixtures.ready("down");
    fixtures.tenant("paused", io.tenantry.crds.v1alpha1.Phase.Suspended, true);
    endpoints.store("good", "http://127.0.0.1:" + tenantApps.port() + "/good");
    endpoints.store("down", "http://127.0.0.1:" + TenantFixtures.closedPort());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.SUPPORT));

    open("/console/search", "Search across tenants");
    // keyboard only: type, Tab to the next field, Enter submits the form
    find("#q").sendKeys("john", Keys.TAB);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("tenants");
    browser.focused().sendKeys("good, down, paused", Keys.ENTER);
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("result-good")));

    assertThat(find("#result-good .status").getText()).isEqualTo("ok");
    assertThat(find("#result-good li").getText()).isEqualTo("subscriber: John Good — Main St");
    assertThat(find("#result-down .status").getText()).isEqualTo("error");
    assertThat(find("#result-down .reason").getText()).isEqualTo("(unreachable)");
    assertThat(find("#result-paused .status").getText()).isEqualTo("skipped");
    assertThat(find("#result-paused .reason").getText()).isEqualTo("(tenant is suspended)");
    assertThat(find("#summary").getText()).startsWith("1 hit in ").contains("partial");
    assertCleanPage(browser);
    browser.screenshot("console-search");
  }

  @Test
  void auditVerifyFindsTheFirstBrokenEntry() {
    fixtures.ready("one");
    fixtures.ready("two");
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    open("/console/audit", "Audit log");
    find("#verify").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("chain-ok")));
    assertCleanPage(browser);
    browser.screenshot("console-audit");

    long tampered =
        QuarkusTransaction.requiringNew()
            .call(() -> AuditEntry.<AuditEntry>find("tenant", "two").firstResult().id);
    platform.sql(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
        "UPDATE audit_log SET actor = 'mallory' WHERE id = " + tampered,
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
    find("#verify").click();

    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("chain-broken")));
    assertThat(find("#chain-broken").getText())
        .startsWith(
            "The chain is broken at entry #"
                + tampered
                + ": hash does not match the entry's contents.");
  }

  @Test
  void theAuditPagerKeepsTheTimeFilterAndAMistypedTimeIsShownBesideItsField() {
    for (int i = 0; i < 55; i++) {
      audit.recordIndependently(AuditEvent.success("test.ping", null, "t-" + i, Map.of()));
    }
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    open("/console/audit?action=test.ping&from=2000-01-01T00:00:00Z", "Audit log");
    assertThat(browser.driver().findElements(By.cssSelector("#entries tbody tr"))).hasSize(50);
    assertThat(find("#older").getDomAttribute("href"))
        .contains("action=test.ping")
        .contains("from=2000-01-01T00%3A00%3A00Z");

    find("#older").click();
    browser.await(d -> d.findElements(By.cssSelector("#entries tbody tr")).size() == 5);
    assertThat(find("#from").getDomProperty("value")).isEqualTo("2000-01-01T00:00:00Z");

    find("#from").clear();
    find("#from").sendKeys("yesterday");
    find("form[aria-label='Filter the audit log'] button").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("from-error")));
    assertThat(find("#from-error").getText())
        .isEqualTo("must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
    assertThat(find("#entries tbody").getText()).isEqualTo("No entries match.");
    assertCleanPage(browser);
  }

  @Test
  void auditVerifyShowsRowsMissingAfterTheLastAnchor() {
    fixtures.ready("one");
    fixtures.ready("two");
    long kept =
        QuarkusTransaction.requiringNew()
            .call(() -> AuditEntry.<AuditEntry>find("tenant", "one").firstResult().id);
    AuditAnchor anchor = anchors.anchorHead().orElseThrow();
    platform.sql(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
        "DELETE FROM audit_log WHERE id > " + kept,
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    open("/console/audit", "Audit log");
    find("#verify").click();

    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("chain-broken")));
    assertThat(find("#chain-broken").getText())
        .startsWith(
            "The chain is broken at entry #"
                + anchor.headId
                + ": rows missing after anchor "
                + anchor.seq);
  }

  @Test
  void aGlobalSwitchIsSetOnTheFlagsPageAndTheTenantPageSaysItDecided() {
    PlatformUser admin = platform.user(Role.ADMIN);
    tenants.create(
        new TenantRequests.Create("acme", "Acme", "starter", null, null), null, admin.id);
    ConsoleSession.signInAs(browser, base(), admin);
    open("/console/flags", "Feature flags");
    assertCleanPage(browser);

    find("button[aria-label='Switch invoicing off for all tenants']").click();
    browser.await(ExpectedConditions.textToBe(By.cssSelector("#flag-invoicing .global"), "off"));
    browser.screenshot("console-flags");

    open("/console/tenants/acme", "Tenant Acme");
    assertThat(find("#flag-invoicing .value").getText()).isEqualTo("off");
    assertThat(find("#flag-invoicing .source").getText()).isEqualTo("global switch");
  }

  @Test
  void anOwnerCreatesAUserWithTheApisRulesAndDisablesIt() {
    ConsoleSession.signInAs(browser, base(), platform.user(Role.OWNER));
    open("/console/users", "Platform users");
    assertCleanPage(browser);

    find("#user-form #email").sendKeys("new.admin@test.io");
    find("#user-form #password").sendKeys("short");
    new org.openqa.selenium.support.ui.Select(find("#user-form #role")).selectByValue("admin");
    find("#user-form button[type=submit]").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
    assertThat(platform.count("platform_users")).isEqualTo(1);

    find("#user-form #password").sendKeys("a long enough passphrase");
    find("#user-form button[type=submit]").click();
    browser.await(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("button[aria-label='Disable new.admin@test.io']")));
    find("button[aria-label='Disable new.admin@test.io']").click();
    browser.await(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("button[aria-label='Enable new.admin@test.io']")));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> PlatformUser.findByEmail("new.admin@test.io").orElseThrow().enabled))
        .isFalse();
    browser.screenshot("console-users");
  }

  @Test
  void aBillingUserChangesSeatsWithTheApisRulesAndTheHistoryShowsIt() {
    PlatformUser billing = platform.user(Role.BILLING);
    tenants.create(
        new TenantRequests.Create("acme", "Acme", "starter", null, null), null, billing.id);
    ConsoleSession.signInAs(browser, base(), billing);
    open("/console/tenants/acme/license", "License of acme");
    assertThat(find("#license-seats").getText()).isEqualTo("10");
    assertCleanPage(browser);

    find("#seats").clear();
    find("#seats").sendKeys("-1");
    find("#license-form button[type=submit]").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("seats-error")));
    assertThat(find("#seats-error").getText()).isEqualTo("must be 0 or more");

    find("#seats").clear();
    find("#seats").sendKeys("42");
    find("#license-form button[type=submit]").click();
    browser.await(ExpectedConditions.textToBe(By.id("license-seats"), "42"));
    assertThat(find("#history tbody tr:first-child").getText()).contains(billing.email);
    browser.screenshot("console-license");
  }
}
