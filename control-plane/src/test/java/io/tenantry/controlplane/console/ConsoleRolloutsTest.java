package io.tenantry.controlplane.console;

import static io.restassured.RestAssured.given;
import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.rollouts.RolloutFixtures;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The rollouts pages in Chromium: what each role sees and may do, and what the server refuses. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleRolloutsTest extends ConsoleBrowserTest {

  @Inject RolloutFixtures fixtures;

  /** Rollouts and releases go first, then the platform's own reset. */
  @Override
  void resetPlatform() {
    fixtures.reset();
  }

  @BeforeEach
  void oneRollout() {
    fixtures.release("app-2-0-0", "2.0.0", true);
    fixtures.rollout("to-2", "app-2-0-0");
  }

  private void openRollout() {
    find("a[href='/console/rollouts']").click();
    awaitPage(browser, "Rollouts");
    assertCleanPage(browser);
    find("#rollout-to-2 a").click();
    awaitPage(browser, "Rollout to-2");
  }

  @Test
  void anAdminFollowsTheWavesAndPausesTheRollout() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));

    find("a[href='/console/rollouts']").click();
    awaitPage(browser, "Rollouts");
    assertThat(find("#rollout-to-2").getText()).contains("app-2-0-0", "canary", "1/3");
    assertThat(find("#release-app-2-0-0").getText()).contains("2.0.0", "yes");
    find("#rollout-to-2 a").click();
    awaitPage(browser, "Rollout to-2");
    assertThat(find("#tenant-bravo .state").getText()).isEqualTo("Updating");
    assertThat(find("#tenant-charlie .state").getText()).isEqualTo("Pending");
    assertThat(find("#wave-rest-phase").getText()).contains("Manual");
    assertThat(present("#resume")).isFalse();
    assertCleanPage(browser);

    find("#pause").click();
    browser.await(ExpectedConditions.textToBe(By.id("paused"), "yes"));
    assertThat(present("#pause")).isFalse();
    assertThat(present("#resume")).isTrue();
    assertThat(fixtures.live("to-2").getSpec().isPaused()).isTrue();
    assertCleanPage(browser);
  }

  @Test
  void anOwnerPromotesTheWaveWaitingForApproval() {
    fixtures.status("to-2", RolloutFixtures.waitingForPromotion());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.OWNER));
    openRollout();

    assertThat(find("#promote").getText()).isEqualTo("Promote wave rest");
    find("#promote").click();
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("promote")));
    assertThat(fixtures.live("to-2").getSpec().promotedThroughIndex()).isEqualTo(1);
  }

  @Test
  void aHaltedRolloutShowsWhyAndOffersNothing() {
    fixtures.status("to-2", RolloutFixtures.canaryHalted());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    openRollout();

    assertThat(find("#tenant-bravo .state").getText()).isEqualTo("RolledBack");
    assertThat(find("#tenant-bravo .reason").getText()).isEqualTo("ErrorRatio");
    assertThat(find("#conditions").getText()).contains("BudgetExceeded", "failed tenants: bravo");
    assertThat(present("#rollout-actions button")).isFalse();
    assertThat(find("#rollout-actions").getText()).contains("Nothing to do");
    assertCleanPage(browser);
    browser.screenshot("console-rollout");
  }

  @Test
  void anActionTheRolloutNoLongerAllowsIsRefusedOnThePage() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    openRollout();

    // The page follows the rollout live; to click on what it showed a moment ago, as a user
    // does whose click crosses the update, hold back the next live update (a documented,
    // cancellable event of the htmx SSE extension).
    browser.script(
        "document.body.addEventListener('htmx:sseBeforeMessage', e => e.preventDefault())");
    fixtures.status("to-2", RolloutFixtures.completed());
    find("#pause").click();

    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#action-result [role=alert]"), "Completed"));
    assertThat(fixtures.live("to-2").getSpec().isPaused()).isFalse();
  }

  @Test
  void supportSeesTheRolloutWithoutButtonsAndTheServerRefusesTheAction() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.SUPPORT));
    openRollout();

    assertThat(find("#tenant-alpha .state").getText()).isEqualTo("Succeeded");
    assertThat(present("#rollout-actions")).isFalse();
    assertThat(present("button#pause")).isFalse();
    assertCleanPage(browser);

    String cookie = browser.cookies().get("tenantry_console").getValue();
    String csrf = find("meta[name=csrf-token]").getAttribute("content");
    given()
        .cookie("tenantry_console", cookie)
        .header("X-CSRF-Token", csrf)
        .header("Origin", base())
        .post("/console/rollouts/to-2/pause")
        .then()
        .statusCode(403);
    assertThat(fixtures.live("to-2").getSpec().isPaused()).isFalse();
  }

  /** Marks the loaded document; a reload would lose the mark. */
  private void markDocument() {
    browser.script("document.documentElement.dataset.loadedOnce = 'yes'");
  }

  private boolean sameDocument() {
    return "yes".equals(browser.script("return document.documentElement.dataset.loadedOnce"));
  }

  @Test
  void theOpenPageShowsATenantTurningHealthyAndPromotesFromTheKeyboard() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.ADMIN));
    openRollout();
    markDocument();
    assertThat(present("#promote")).isFalse();

    fixtures.status("to-2", RolloutFixtures.waitingForPromotion());

    browser.await(ExpectedConditions.textToBe(By.cssSelector("#tenant-bravo .state"), "Succeeded"));
    browser.await(ExpectedConditions.textToBe(By.id("progress"), "2/3"));
    browser.await(ExpectedConditions.textToBe(By.id("phase"), "WaitingForPromotion"));
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("promote")));
    assertThat(find("#wave-canary-phase").getText()).startsWith("Succeeded");
    assertThat(find("#current-wave").getText()).isEqualTo("rest");
    assertThat(sameDocument()).isTrue();
    assertCleanPage(browser);

    find("#promote").sendKeys(Keys.ENTER);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("promote")));
    assertThat(fixtures.live("to-2").getSpec().promotedThroughIndex()).isEqualTo(1);
  }

  @Test
  void supportWatchesTheRolloutHaltLiveAndIsOfferedNothing() {
    fixtures.status("to-2", RolloutFixtures.canaryRunning());
    ConsoleSession.signInAs(browser, base(), platform.user(Role.SUPPORT));
    openRollout();
    markDocument();

    fixtures.status("to-2", RolloutFixtures.canaryHalted());

    browser.await(ExpectedConditions.textToBe(By.id("phase"), "Halted"));
    browser.await(
        ExpectedConditions.textToBe(By.cssSelector("#tenant-bravo .state"), "RolledBack"));
    assertThat(find("#tenant-bravo .reason").getText()).isEqualTo("ErrorRatio");
    assertThat(find("#failed").getText()).isEqualTo("1, 1 rolled back");
    assertThat(find("#conditions").getText()).contains("BudgetExceeded", "failed tenants: bravo");
    assertThat(present("#rollout-actions")).isFalse();
    assertThat(present("button#pause")).isFalse();
    assertThat(sameDocument()).isTrue();
    assertCleanPage(browser);
  }
}
