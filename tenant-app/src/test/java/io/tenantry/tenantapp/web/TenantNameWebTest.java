package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The tenant's display name, as the operator passes it (TENANTRY_TENANT_DISPLAY_NAME), on every
 * page: as text, whatever it holds. A platform admin chose it, not the tenant's staff, but the page
 * must not trust it either.
 */
@QuarkusTest
@TestProfile(TenantNameWebTest.HostileName.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class TenantNameWebTest extends StaffBrowserTest {

  static final String HOSTILE = "<img src=x onerror=alert(1)>";

  /** This app with a display name that is markup. */
  public static class HostileName implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // the second one as the test configuration resolves it, so the profile changes nothing else
      return Map.of(
          "tenantry.tenant.display-name",
          HOSTILE,
          "quarkus.datasource.devservices.enabled",
          "false");
    }
  }

  @Inject WebStaff staff;

  @Test
  void theNameIsShownAsTextOnEveryPageAndNeverRuns() {
    String base = root.toString().replaceAll("/$", "");
    WebStaff.signIn(browser, base, staff.emailFor(Role.tenant_admin));

    for (String page : new String[] {"/app", "/app/subscribers", "/app/staff", "/app/no-such"}) {
      browser.open(base + page);
      assertThat(browser.driver().findElement(By.cssSelector(".tenant-name")).getText())
          .isEqualTo(HOSTILE);
      assertThat(browser.driver().getTitle()).endsWith(" · " + HOSTILE);
      assertThat(browser.driver().findElements(By.cssSelector("header img"))).isEmpty();
    }
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("the display name ran as script");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  @Test
  void theSignInPageEscapesTheName() {
    given()
        .get("/app/sign-in")
        .then()
        .statusCode(200)
        .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
        .body(not(containsString(HOSTILE)));
  }
}
