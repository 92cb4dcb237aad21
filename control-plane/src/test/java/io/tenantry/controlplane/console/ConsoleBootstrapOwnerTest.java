package io.tenantry.controlplane.console;

import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;
import static io.tenantry.controlplane.console.ConsoleSession.codeFor;
import static io.tenantry.controlplane.console.ConsoleSession.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.users.BootstrapFixture;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A clean start as an operator lives it: the bootstrap owner signs in with the one-time password,
 * must choose their own, then enrols two-factor sign-in in the same browser session, which goes on.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleBootstrapOwnerTest extends ConsoleBrowserTest {

  private static final String OWN_PASSWORD = "the owner's very own passphrase";

  @Inject BootstrapFixture bootstrap;

  @Test
  void theBootstrapOwnerChangesThePasswordThenEnrolsMfaAndStaysSignedIn() {
    changePasswordThenEnrol(false);
  }

  /**
   * A person takes minutes on each page: the session's last use is then old enough to be written
   * again on the next request, which a quick test never reaches.
   */
  @Test
  void theSameWithPausesAsLongAsAPersonTakes() {
    changePasswordThenEnrol(true);
  }

  /** Makes every session look last used two minutes ago, as after a person's pause. */
  private void pause(boolean slowly) {
    if (slowly) {
      platform.sql(
          "UPDATE console_sessions SET created_at = now() - interval '5 minutes',"
              + " last_seen_at = now() - interval '2 minutes'");
    }
  }

  private void changePasswordThenEnrol(boolean slowly) {
    BootstrapFixture.Credentials first = bootstrap.start();

    signIn(browser, base(), first.email(), first.password(), null);
    awaitPage(browser, "Change your password");
    find("#currentPassword").sendKeys(first.password());
    find("#newPassword").sendKeys(OWN_PASSWORD);
    pause(slowly);
    find("#password-form button[type=submit]").click();
    awaitPage(browser, "Tenants");

    pause(slowly);
    find("a[href='/console/mfa']").click();
    awaitPage(browser, "Two-factor sign-in");
    String secret = find("#secret").getText();
    pause(slowly);
    find("#mfa-form #code").sendKeys(codeFor(secret, 0));
    find("#mfa-form button[type=submit]").click();

    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
    assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
    assertThat(find("h1").getText()).isEqualTo("Two-factor sign-in");
    assertCleanPage(browser);
    PlatformUser owner =
        QuarkusTransaction.requiringNew()
            .call(() -> PlatformUser.findByEmail(first.email()).orElseThrow());
    assertThat(owner.totpEnabled).isTrue();

    // Still signed in: the session the password change started goes on after enrolment.
    find("#continue").click();
    awaitPage(browser, "Tenants");
    assertThat(platform.count("console_sessions")).isEqualTo(1);

    browser.driver().findElement(By.xpath("//button[text()='Sign out']")).click();
    awaitPage(browser, "Sign in");
    signIn(browser, base(), first.email(), OWN_PASSWORD, null);
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
    assertThat(platform.count("console_sessions")).isZero();
    // The enrolment spent this period's code; the app's next one is within the accepted window.
    signIn(browser, base(), first.email(), OWN_PASSWORD, codeFor(secret, 1));
    awaitPage(browser, "Tenants");
  }
}
