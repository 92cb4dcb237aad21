package io.tenantry.controlplane.console;

import static io.restassured.RestAssured.given;
import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.invitations.Invitation;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An owner invites a user from the users page; the invitee opens the one-time link in a browser
 * with no session, sets a password and lands signed in. A used or revoked link says why.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleInvitationTest extends ConsoleBrowserTest {

  private static final String INVITEE_PASSWORD = "the invitee's chosen passphrase";

  /** Signs in as an owner and invites {@code email}; the one-time link the page shows. */
  private String inviteAsOwner(PlatformUser owner, String email, String role) {
    ConsoleSession.signInAs(browser, base(), owner);
    browser.open(base() + "/console/users");
    awaitPage(browser, "Platform users");
    find("#invite-form #invite-email").sendKeys(email);
    new Select(find("#invite-form #invite-role")).selectByValue(role);
    find("#invite-form button[type=submit]").click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("invitation-link")));
    assertCleanPage(browser);
    return find("#invitation-link").getDomProperty("value");
  }

  /** A browser with no session, as the invitee's own. */
  private void freshBrowserSession() {
    browser.driver().manage().deleteAllCookies();
  }

  @Test
  void anInviteeOpensTheLinkWithoutASessionSetsAPasswordAndLandsSignedIn() {
    PlatformUser owner = platform.user(Role.OWNER);
    String link = inviteAsOwner(owner, "invitee@example.com", "admin");
    assertThat(link).startsWith(base() + "/console/invitations/");

    browser.open(base() + "/console/users");
    awaitPage(browser, "Platform users");
    WebElement row = find("#invitations tbody tr");
    assertThat(row.getText()).contains("invitee@example.com", "admin", owner.email);
    assertThat(browser.driver().getPageSource()).doesNotContain(link);

    freshBrowserSession();
    browser.open(link);
    awaitPage(browser, "Accept your invitation");
    assertThat(find("#invitation-email").getText()).isEqualTo("invitee@example.com");
    assertThat(find("#invitation-role").getText()).isEqualTo("admin");
    assertCleanPage(browser);
    browser.screenshot("console-invitation");

    find("#invitation-form #password").sendKeys("too short");
    find("#invitation-form button[type=submit]").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
    assertThat(find("#password-error").getText())
        .isEqualTo("must be at least 12 characters and at most 1024");

    find("#invitation-form #password").sendKeys("aaaaaaaaaaaa");
    find("#invitation-form button[type=submit]").click();
    browser.await(
        ExpectedConditions.textToBe(
            By.id("password-error"), "is too common or too simple to guess"));
    assertCleanPage(browser);

    find("#invitation-form #password").sendKeys(INVITEE_PASSWORD);
    find("#invitation-form button[type=submit]").click();
    awaitPage(browser, "Tenants");
    assertThat(find(".who").getText()).contains("invitee@example.com", "admin");

    freshBrowserSession();
    browser.open(link);
    awaitPage(browser, "Invitation no longer valid");
    assertThat(find("#invitation-refused").getText()).contains("was already used");
    assertCleanPage(browser);
    ConsoleSession.signIn(browser, base(), "invitee@example.com", INVITEE_PASSWORD, null);
    awaitPage(browser, "Tenants");
  }

  @Test
  void anInvitedOwnerIsSentToEnrolTwoFactorSignInFirst() {
    String link = inviteAsOwner(platform.user(Role.OWNER), "second.owner@example.com", "owner");

    freshBrowserSession();
    browser.open(link);
    awaitPage(browser, "Accept your invitation");
    find("#invitation-form #password").sendKeys(INVITEE_PASSWORD);
    find("#invitation-form button[type=submit]").click();

    awaitPage(browser, "Two-factor sign-in");
    assertThat(present("#secret")).isTrue();
    browser.open(base() + "/console/tenants");
    awaitPage(browser, "Two-factor sign-in");
  }

  @Test
  void anOwnerRevokesAPendingInvitationAndItsLinkSaysSo() {
    PlatformUser owner = platform.user(Role.OWNER);
    String link = inviteAsOwner(owner, "revoked@example.com", "support");
    browser.open(base() + "/console/users");
    awaitPage(browser, "Platform users");

    find("button[aria-label='Revoke the invitation of revoked@example.com']").click();

    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("no-invitations")));
    freshBrowserSession();
    browser.open(link);
    awaitPage(browser, "Invitation no longer valid");
    assertThat(find("#invitation-refused").getText()).contains("was revoked");
  }

  @Test
  void anAdminSeesNoInviteControlsAndTheServerRefusesTheInviteAnyway() {
    PlatformUser owner = platform.user(Role.OWNER);
    inviteAsOwner(owner, "pending@example.com", "billing");
    freshBrowserSession();
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    browser.open(base() + "/console/users");
    awaitPage(browser, "Platform users");

    assertThat(find("#invitations tbody tr").getText()).contains("pending@example.com");
    assertThat(present("#invite-form")).isFalse();
    assertThat(present("#invitations button")).isFalse();
    given()
        .cookie("tenantry_console", browser.cookies().get("tenantry_console").getValue())
        .header("X-CSRF-Token", find("meta[name=csrf-token]").getAttribute("content"))
        .header("Origin", base())
        .formParam("email", "sneaky@example.com")
        .formParam("role", "owner")
        .post("/console/users/invitations")
        .then()
        .statusCode(403);
    assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.count())).isEqualTo(1);
  }
}
