package io.tenantry.controlplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.browser.Axe;
import io.tenantry.testing.browser.Browser;
import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Drives the console's sign-in form in a browser, and checks what every page must satisfy. */
final class ConsoleSession {

  /** A fixed base32 secret, so that tests can compute the codes an authenticator app shows. */
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  private ConsoleSession() {}

  static void signIn(Browser browser, String base, String email, String password, String code) {
    browser.open(base + "/console/sign-in");
    WebElement form = browser.driver().findElement(By.id("signin"));
    form.findElement(By.id("email")).sendKeys(email);
    form.findElement(By.id("password")).sendKeys(password);
    if (code != null) {
      form.findElement(By.id("code")).sendKeys(code);
    }
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Signs in and waits for the tenants list. */
  static void signInAs(Browser browser, String base, PlatformUser user) {
    signIn(browser, base, user.email, TestPlatform.PASSWORD, null);
    awaitPage(browser, "Tenants");
  }

  static void awaitPage(Browser browser, String heading) {
    browser.await(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    browser.await(d -> "complete".equals(browser.script("return document.readyState")));
  }

  /**
   * No blocking accessibility violation, no script error and nothing refused by the page's policy.
   * Refusals the tests provoke on purpose (a 401 for a wrong password) are logged by Chromium as
   * failed loads; those are not page errors.
   */
  static void assertCleanPage(Browser browser) {
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    assertThat(browser.consoleErrors())
        .filteredOn(
            m ->
                !m.matches(
                    ".* Failed to load resource: the server responded with a status of 4\\d\\d .*"))
        .isEmpty();
  }

  static void enableTotp(TestPlatform platform, PlatformUser user) {
    platform.sql(
        "UPDATE platform_users SET totp_secret = '"
            + TOTP_SECRET
            + "', totp_enabled = true WHERE id = '"
            + user.id
            + "'");
  }

  static String totpNow() {
    return codeFor(TOTP_SECRET, 0);
  }

  /**
   * What an authenticator app shows for {@code secret} (spaces, as a page groups it, ignored),
   * {@code stepsAhead} 30-second periods from now.
   */
  static String codeFor(String secret, int stepsAhead) {
    try {
      return new DefaultCodeGenerator()
          .generate(
              secret.replace(" ", ""),
              Math.floorDiv(Instant.now().getEpochSecond(), 30) + stepsAhead);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException(e);
    }
  }
}
