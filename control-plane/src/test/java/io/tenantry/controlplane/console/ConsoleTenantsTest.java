package io.tenantry.controlplane.console;

import static io.tenantry.controlplane.console.ConsoleSession.assertCleanPage;
import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.tenants.LifecycleState;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.tenants.TenantRequests;
import io.tenantry.controlplane.tenants.TenantService;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantStatus;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The tenants list and a tenant's page, driven in Chromium as an admin. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class ConsoleTenantsTest extends ConsoleBrowserTest {

  private static final Duration CLUSTER = Duration.ofSeconds(15);

  @Inject TenantService tenants;
  @Inject KubernetesClient client;

  private PlatformUser admin;

  @BeforeEach
  void signIn() {
    admin = platform.user(Role.ADMIN);
    ConsoleSession.signInAs(browser, base(), admin);
  }

  private void create(String slug, String displayName, String plan) {
    tenants.create(
        new TenantRequests.Create(slug, displayName, plan, null, "Retain"), null, admin.id);
  }

  /** Read in a transaction of its own, so that no entity cached by the test thread answers. */
  private TenantRecord record(String slug) {
    return QuarkusTransaction.requiringNew()
        .call(() -> TenantRecord.findBySlug(slug).orElseThrow());
  }

  private LifecycleState state(String slug) {
    return record(slug).state;
  }

  @Test
  void createShowsTheApisRulesBesideEachFieldThenTheTenantTurnsReadyWithoutAReload() {
    browser.open(base() + "/console/tenants/new");
    awaitPage(browser, "Create tenant");
    assertCleanPage(browser);
    find("#slug").sendKeys("Not A Slug");
    find("#create-form button[type=submit]").click();
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("slug-error")));
    assertThat(find("#slug-error").getText())
        .isEqualTo(
            "must be 3 to 40 lowercase letters, digits or '-', start with a letter and end with a"
                + " letter or digit");
    assertThat(find("#displayName-error").getText()).isEqualTo("must not be blank");
    assertThat(find("#plan-error").getText())
        .isEqualTo("must be one of free, starter, professional, enterprise; must not be blank");
    assertThat(find("#slug").getAttribute("value")).isEqualTo("Not A Slug");
    assertThat(platform.count("tenants")).isZero();

    find("#slug").clear();
    find("#slug").sendKeys("acme");
    find("#displayName").sendKeys("Acme Fiber Ltd");
    new org.openqa.selenium.support.ui.Select(find("#plan")).selectByValue("starter");
    find("#create-form button[type=submit]").click();
    awaitPage(browser, "Tenant Acme Fiber Ltd");
    assertThat(find("#status-acme").getText()).contains("Pending");
    browser.script("window.consoleTestMarker = 'same page';");

    await()
        .atMost(CLUSTER)
        .until(() -> client.resources(Tenant.class).withName("acme").get() != null);
    Tenant live = client.resources(Tenant.class).withName("acme").get();
    live.setStatus(new TenantStatus());
    live.getStatus().phase = Phase.Ready;
    live.getStatus().url = "https://acme.tenants.example";
    live.getStatus().conditions =
        List.of(
            new ConditionBuilder()
                .withType("AppAvailable")
                .withStatus("True")
                .withReason("DeploymentAvailable")
                .withMessage("1 of 1 replicas available")
                .withLastTransitionTime("2026-12-06T00:00:00Z")
                .build());
    client.resource(live).updateStatus();

    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status-acme"), "Ready"));
    assertThat(find("#status-acme").getText()).contains("AppAvailable: True — DeploymentAvailable");
    assertThat(browser.script("return window.consoleTestMarker")).isEqualTo("same page");
    assertCleanPage(browser);
    browser.screenshot("console-tenant");
  }

  @Test
  void theListUpdatesAPhaseLiveAndPagesBySlug() {
    for (int i = 0; i < 22; i++) {
      create("t%02d".formatted(i), "Tenant " + i, "free");
    }
    browser.open(base() + "/console/tenants");
    awaitPage(browser, "Tenants");
    assertThat(browser.driver().findElements(By.cssSelector("tbody tr"))).hasSize(20);
    assertCleanPage(browser);
    browser.screenshot("console-tenants");

    await()
        .atMost(CLUSTER)
        .until(() -> client.resources(Tenant.class).withName("t00").get() != null);
    Tenant live = client.resources(Tenant.class).withName("t00").get();
    live.setStatus(new TenantStatus());
    live.getStatus().phase = Phase.Degraded;
    client.resource(live).updateStatus();
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status-t00"), "Degraded"));

    find("a[rel=next]").click();
    awaitPage(browser, "Tenants");
    assertThat(browser.driver().findElements(By.cssSelector("tbody tr td:first-child a")))
        .extracting(WebElement::getText)
        .containsExactly("t20", "t21");
    assertThat(browser.driver().findElements(By.cssSelector("a[rel=next]"))).isEmpty();

    find("#q").sendKeys("Tenant 7");
    find("form[role=search] button").click();
    awaitPage(browser, "Tenants");
    assertThat(browser.driver().findElements(By.cssSelector("tbody tr td:first-child a")))
        .extracting(WebElement::getText)
        .containsExactly("t07");
  }

  @Test
  void suspendAndResume() {
    create("acme", "Acme", "starter");
    browser.open(base() + "/console/tenants/acme");
    awaitPage(browser, "Tenant Acme");

    find("#suspend").click();
    browser.await(ExpectedConditions.textToBe(By.id("state"), "suspended"));
    assertThat(state("acme")).isEqualTo(LifecycleState.SUSPENDED);
    assertThat(browser.driver().findElements(By.id("suspend"))).isEmpty();

    find("#resume").click();
    browser.await(ExpectedConditions.textToBe(By.id("state"), "active"));
    assertThat(state("acme")).isEqualTo(LifecycleState.ACTIVE);
    assertCleanPage(browser);
  }

  @Test
  void deletionShowsThePolicyAndNeedsTheSlugTyped() {
    create("acme", "Acme", "starter");
    browser.open(base() + "/console/tenants/acme");
    awaitPage(browser, "Tenant Acme");
    assertThat(find("#current-policy").getText()).isEqualTo("Retain");
    assertThat(find("#delete").isEnabled()).isFalse();

    find("#confirmation").sendKeys("acm");
    assertThat(find("#delete").isEnabled()).isFalse();
    find("#confirmation").sendKeys("e");
    assertThat(find("#delete").isEnabled()).isTrue();
    new org.openqa.selenium.support.ui.Select(find("#deletionPolicy")).selectByValue("Delete");
    find("#delete").click();

    // The mock API server has no operator holding a finalizer, so deletion may already be done.
    browser.await(
        ExpectedConditions.textMatches(
            By.id("state"), java.util.regex.Pattern.compile("deleting|deleted")));
    TenantRecord deleted = record("acme");
    assertThat(deleted.state).isIn(LifecycleState.DELETING, LifecycleState.DELETED);
    assertThat(deleted.deletionPolicy).isEqualTo("Delete");
  }

  @Test
  void anOverrideWinsOverThePlanAndSaysSo() {
    create("acme", "Acme", "starter");
    browser.open(base() + "/console/tenants/acme");
    awaitPage(browser, "Tenant Acme");
    assertThat(find("#flag-invoicing .value").getText()).isEqualTo("on");
    assertThat(find("#flag-invoicing .source").getText()).isEqualTo("plan starter");
    assertThat(find("#flag-radius-sessions .source").getText()).isEqualTo("not in plan starter");

    find("#flag-invoicing button[aria-label='Force invoicing off']").click();
    browser.await(ExpectedConditions.textToBe(By.cssSelector("#flag-invoicing .value"), "off"));
    assertThat(find("#flag-invoicing .source").getText()).isEqualTo("tenant override");
    browser.screenshot("console-tenant-flags");

    find("#flag-invoicing button[aria-label='Clear the override of invoicing']").click();
    browser.await(
        ExpectedConditions.textToBe(By.cssSelector("#flag-invoicing .source"), "plan starter"));
    assertCleanPage(browser);
  }

  @Test
  void aDisplayNameWithMarkupIsShownAsText() {
    String hostile = "<img src=x onerror=alert(1)>";
    create("hostile", hostile, "free");

    browser.open(base() + "/console/tenants");
    awaitPage(browser, "Tenants");
    assertThat(find("#row-hostile .display-name").getText()).isEqualTo(hostile);
    assertThat(browser.driver().findElements(By.cssSelector("#row-hostile img"))).isEmpty();

    browser.open(base() + "/console/tenants/hostile");
    awaitPage(browser, "Tenant " + hostile);
    assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
    assertCleanPage(browser);
  }
}
