package io.tenantry.controlplane.console;

import static io.restassured.RestAssured.given;
import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;
import static io.tenantry.controlplane.console.ConsoleSession.codeFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.tenants.TenantRequests;
import io.tenantry.controlplane.tenants.TenantService;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The user's own two-factor enrolment from a QR code, an owner's reset of another user's MFA, a
 * tenant's plan change, and the console's own 404 and 403 pages.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleAccountTest extends ConsoleBrowserTest {

  @Inject TenantService tenants;

  private PlatformUser stored(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> PlatformUser.findById(id));
  }

  /** On the enrolment page: a wrong code first, then the app's code; the recovery codes show. */
  private void enrolFromThePage() {
    assertThat(find("svg#qr").getDomAttribute("viewBox")).matches("0 0 \\d+ \\d+");
    assertThat(find("svg#qr path").getDomAttribute("d"))
        .startsWith("M")
        .contains("h")
        .contains("z");
    assertThat(find("svg#qr").getDomAttribute("aria-label")).isNotBlank();
    String secret = find("#secret").getText();
    assertThat(secret.replace(" ", "")).matches("[A-Z2-7]{32}");

    find("#mfa-form #code").sendKeys("000000".equals(codeFor(secret, 0)) ? "111111" : "000000");
    find("#mfa-form button[type=submit]").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
    assertThat(find("#code-error").getText()).isEqualTo("does not match the authenticator app");

    find("#mfa-form #code").clear();
    find("#mfa-form #code").sendKeys(codeFor(secret, 0));
    find("#mfa-form button[type=submit]").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
    assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
    assertThat(present("svg#qr")).isFalse();
  }

  @Test
  void aUserEnrolsFromTheQrCodeWithACodeComputedFromTheShownSecret() {
    PlatformUser admin = platform.user(Role.ADMIN);
    ConsoleSession.signInAs(browser, base(), admin);
    find("a[href='/console/mfa']").click();
    awaitPage(browser, "Two-factor sign-in");
    assertThat(present("#mfa-required")).isFalse();
    assertCleanPage(browser);
    browser.screenshot("console-mfa");

    enrolFromThePage();

    assertCleanPage(browser);
    PlatformUser after = stored(admin.id);
    assertThat(after.totpEnabled).isTrue();
    assertThat(platform.count("recovery_codes")).isEqualTo(10);
    open("/console/mfa", "Two-factor sign-in");
    assertThat(find("#mfa-enabled").getText()).contains(admin.email);
    assertThat(present("svg#qr")).isFalse();
  }

  @Test
  void anOwnerResetsAnotherUsersMfaAndTheUserMustEnrolAgainAtTheNextSignIn() {
    PlatformUser owner = platform.user(Role.OWNER);
    PlatformUser admin = platform.user(Role.ADMIN);
    ConsoleSession.enableTotp(platform, admin);
    ConsoleSession.signInAs(browser, base(), owner);
    open("/console/users", "Platform users");
    assertThat(present("button[aria-label='Reset two-factor sign-in of " + owner.email + "']"))
        .isFalse();

    find("button[aria-label='Reset two-factor sign-in of " + admin.email + "']").click();

    browser.await(
        ExpectedConditions.textToBe(
            By.cssSelector("#user-" + admin.id + " .mfa"), "reset, must enrol"));
    assertCleanPage(browser);
    assertThat(stored(admin.id).totpEnabled).isFalse();
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        AuditEntry.count("action = 'user.mfa.reset' and actor = ?1", owner.email)))
        .isEqualTo(1);

    browser.driver().findElement(By.xpath("//button[text()='Sign out']")).click();
    awaitPage(browser, "Sign in");
    ConsoleSession.signIn(browser, base(), admin.email, TestPlatform.PASSWORD, null);
    awaitPage(browser, "Two-factor sign-in");
    assertThat(find("#mfa-required").getText())
        .contains("Your account must use two-factor sign-in");
    browser.open(base() + "/console/tenants");
    awaitPage(browser, "Two-factor sign-in");
    assertCleanPage(browser);

    enrolFromThePage();
    find("#continue").click();
    awaitPage(browser, "Tenants");
    assertThat(stored(admin.id).mfaEnrolmentRequired).isFalse();
  }

  @Test
  void aTenantsPlanChangesFromTheLicensePage() {
    PlatformUser admin = platform.user(Role.ADMIN);
    tenants.create(
        new TenantRequests.Create("acme", "Acme", "starter", null, null), null, admin.id);
    ConsoleSession.signInAs(browser, base(), admin);
    open("/console/tenants/acme/license", "License of acme");
    assertThat(find("#license-plan").getText()).isEqualTo("starter");

    new Select(find("#plan-form #plan")).selectByValue("professional");
    find("#plan-form button[type=submit]").click();

    browser.await(ExpectedConditions.textToBe(By.id("license-plan"), "professional"));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> TenantRecord.findBySlug("acme").orElseThrow().plan))
        .isEqualTo("professional");
    assertCleanPage(browser);
  }

  @Test
  void anUnknownAddressAndAnUnknownTenantGetTheConsolesNotFoundPage() {
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));

    open("/console/no-such-page", "Page not found");
    assertThat(find("#back").getAttribute("href")).endsWith("/console/tenants");
    assertCleanPage(browser);
    browser.screenshot("console-not-found");
    open("/console/tenants/no-such-tenant", "Page not found");
    find("#back").click();
    awaitPage(browser, "Tenants");

    given()
        .cookie("tenantry_console", browser.cookies().get("tenantry_console").getValue())
        .get("/console/no-such-page")
        .then()
        .statusCode(404)
        .contentType(startsWith("text/html"))
        .body(containsString("<h1>Page not found</h1>"));
  }

  @Test
  void aSupportUserGetsTheForbiddenPageOnAWriteOnlyPageAndNoPlanForm() {
    PlatformUser admin = platform.user(Role.ADMIN);
    tenants.create(
        new TenantRequests.Create("acme", "Acme", "starter", null, null), null, admin.id);
    ConsoleSession.signInAs(browser, base(), platform.user(Role.SUPPORT));

    open("/console/users", "Not allowed");
    assertThat(find("#error-detail").getText())
        .isEqualTo("role support lacks the permission platform:users:read");
    assertCleanPage(browser);
    browser.screenshot("console-forbidden");
    open("/console/tenants/acme/license", "License of acme");
    assertThat(present("#plan-form")).isFalse();

    String cookie = browser.cookies().get("tenantry_console").getValue();
    String csrf = find("meta[name=csrf-token]").getAttribute("content");
    given()
        .cookie("tenantry_console", cookie)
        .header("X-CSRF-Token", csrf)
        .header("Origin", base())
        .formParam("plan", "enterprise")
        .post("/console/tenants/acme/plan")
        .then()
        .statusCode(403)
        .contentType(startsWith("text/html"))
        .body(containsString("Not allowed"));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> TenantRecord.findBySlug("acme").orElseThrow().plan))
        .isEqualTo("starter");
  }
}
