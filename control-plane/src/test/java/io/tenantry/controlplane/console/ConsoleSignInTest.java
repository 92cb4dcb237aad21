package io.tenantry.controlplane.console;

import static io.restassured.RestAssured.given;
import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;
import static io.tenantry.controlplane.console.ConsoleSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Sign-in with MFA, the forced password change, sign-out, the session cookie and CSRF. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleSignInTest extends ConsoleBrowserTest {

  @Test
  void signInWithATotpCodeOpensTheTenantsListAndTheSessionCookieIsLockedDown() {
    PlatformUser user = platform.user(Role.ADMIN);
    ConsoleSession.enableTotp(platform, user);
    browser.open(base() + "/console/sign-in");
    assertCleanPage(browser);
    browser.screenshot("console-sign-in");

    signIn(browser, base(), user.email, TestPlatform.PASSWORD, ConsoleSession.totpNow());

    awaitPage(browser, "Tenants");
    assertThat(browser.driver().findElement(By.cssSelector(".who")).getText()).contains(user.email);
    Cookie cookie = browser.cookies().get("tenantry_console");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(platform.count("console_sessions")).isEqualTo(1);
    assertCleanPage(browser);
  }

  @Test
  void withoutTheCodeTheFormAsksForItBesideTheCodeField() {
    PlatformUser user = platform.user(Role.ADMIN);
    ConsoleSession.enableTotp(platform, user);

    signIn(browser, base(), user.email, TestPlatform.PASSWORD, null);

    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
    assertThat(browser.driver().findElement(By.id("code-error")).getText())
        .isEqualTo("enter the code from your authenticator app or a recovery code");
    assertThat(browser.driver().findElement(By.id("code")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(platform.count("console_sessions")).isZero();
    assertCleanPage(browser);
  }

  @Test
  void aRecoveryCodeSignsInOnce() {
    PlatformUser user = platform.user(Role.ADMIN);
    ConsoleSession.enableTotp(platform, user);
    platform.sql(
        "INSERT INTO recovery_codes (user_id, code_hash) VALUES ('"
            + user.id
            + "', '"
            + RandomSecrets.sha256("ABCDEFGHIJKL")
            + "')");

    signIn(browser, base(), user.email, TestPlatform.PASSWORD, "abcd-efgh-ijkl");

    awaitPage(browser, "Tenants");
    assertThat(platform.count("console_sessions")).isEqualTo(1);
  }

  @Test
  void aWrongPasswordSaysSoAboveTheFormAndStartsNoSession() {
    PlatformUser user = platform.user(Role.ADMIN);

    signIn(browser, base(), user.email, "not the password", null);

    browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signin .alert")));
    assertThat(browser.driver().findElement(By.cssSelector("#signin .alert")).getText())
        .isEqualTo("The email, password or code is wrong.");
    assertThat(platform.count("console_sessions")).isZero();
  }

  @Test
  void theBootstrapOwnerMustChooseAPasswordBeforeAnythingElse() {
    PlatformUser owner = platform.user(Role.OWNER);
    platform.sql(
        "UPDATE platform_users SET password_change_required = true WHERE id = '" + owner.id + "'");

    signIn(browser, base(), owner.email, TestPlatform.PASSWORD, null);
    awaitPage(browser, "Change your password");
    assertCleanPage(browser);
    browser.open(base() + "/console/tenants");
    awaitPage(browser, "Change your password");

    browser.driver().findElement(By.id("currentPassword")).sendKeys(TestPlatform.PASSWORD);
    browser.driver().findElement(By.id("newPassword")).sendKeys("short");
    browser.driver().findElement(By.cssSelector("#password-form button")).click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("newPassword-error")));

    browser.driver().findElement(By.id("currentPassword")).sendKeys(TestPlatform.PASSWORD);
    browser
        .driver()
        .findElement(By.id("newPassword"))
        .sendKeys("a much longer passphrase of my own");
    browser.driver().findElement(By.cssSelector("#password-form button")).click();

    awaitPage(browser, "Tenants");
    assertThat(platform.count("console_sessions")).isEqualTo(1);
  }

  @Test
  void signOutEndsTheSessionOnTheServer() {
    PlatformUser user = platform.user(Role.SUPPORT);
    ConsoleSession.signInAs(browser, base(), user);
    String cookie = browser.cookies().get("tenantry_console").getValue();

    browser.driver().findElement(By.xpath("//button[text()='Sign out']")).click();

    awaitPage(browser, "Sign in");
    assertThat(platform.count("console_sessions")).isZero();
    given()
        .cookie("tenantry_console", cookie)
        .redirects()
        .follow(false)
        .get("/console/tenants")
        .then()
        .statusCode(303)
        .header("Location", equalTo(base() + "/console/sign-in"));
  }

  @Test
  void pagesCarryTheConsolePolicyAndAChangeWithoutTheCsrfTokenIsRefused() {
    PlatformUser user = platform.user(Role.ADMIN);
    ConsoleSession.signInAs(browser, base(), user);
    String cookie = browser.cookies().get("tenantry_console").getValue();

    given()
        .cookie("tenantry_console", cookie)
        .get("/console/tenants")
        .then()
        .statusCode(200)
        .header(
            "Content-Security-Policy",
            equalTo(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; form-action 'self'; base-uri 'none';"
                    + " frame-ancestors 'none'"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store");
    given()
        .cookie("tenantry_console", cookie)
        .header("Origin", base())
        .formParam("slug", "acme")
        .formParam("displayName", "Acme")
        .formParam("plan", "free")
        .post("/console/tenants")
        .then()
        .statusCode(403);
    assertThat(platform.count("tenants")).isZero();
  }

  @Test
  void theCookieDoesNotAuthenticateTheApi() {
    PlatformUser user = platform.user(Role.ADMIN);
    ConsoleSession.signInAs(browser, base(), user);
    String cookie = browser.cookies().get("tenantry_console").getValue();

    given()
        .cookie("tenantry_console", cookie)
        .get("/api/v1/platform/tenants")
        .then()
        .statusCode(401);
  }
}
