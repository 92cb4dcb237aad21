package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffService;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.browser.Axe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in and out of the staff web app, its session cookie, CSRF and security headers. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SignInWebTest extends StaffBrowserTest {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Inject WebStaff staff;
  @Inject TestTenant tenant;
  @Inject StaffService staffService;

  @Test
  void signInLeadsToTheDashboardUnderTheTenantsName() {
    browser.open(base() + "/app");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/app/sign-in");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-sign-in");

    WebStaff.signIn(browser, base(), staff.emailFor(Role.tenant_admin));

    assertThat(browser.driver().findElement(By.cssSelector(".tenant-name")).getText())
        .isEqualTo("Acme Fibre");
    assertThat(browser.driver().findElement(By.id("active-subscribers")).getText())
        .contains("Active subscribers");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot("app-dashboard");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrictAndHoldsNoToken() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.support));

    Cookie cookie = browser.cookies().get(StaffWebFilter.COOKIE);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getPath()).isEqualTo("/");
    // a random id: its SHA-256 is what the database holds, never the value itself
    assertThat(cookie.getValue()).doesNotContain(".").hasSizeGreaterThan(30);
  }

  @Test
  void aWrongPasswordIsRefusedWithOneMessage() {
    browser.open(base() + "/app/sign-in");
    browser.driver().findElement(By.id("email")).sendKeys(staff.emailFor(Role.support));
    browser.driver().findElement(By.id("password")).sendKeys("not the password at all");
    browser.driver().findElement(By.cssSelector("main form button")).click();

    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error")));
    assertThat(browser.driver().findElement(By.id("sign-in-error")).getText())
        .isEqualTo("E-mail or password is wrong.");
    assertThat(browser.cookies()).doesNotContainKey(StaffWebFilter.COOKIE);
  }

  @Test
  void aStaffUserOfAnotherTenantIsRefused() {
    // globex's staff live in globex's own database; at acme their credentials match nobody
    browser.open(base() + "/app/sign-in");
    browser.driver().findElement(By.id("email")).sendKeys("tenant_admin.web@globex.test");
    browser.driver().findElement(By.id("password")).sendKeys(WebStaff.PASSWORD);
    browser.driver().findElement(By.cssSelector("main form button")).click();

    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error")));
    assertThat(browser.cookies()).doesNotContainKey(StaffWebFilter.COOKIE);
    // nor does a bearer token of acme's own API stand in for a session cookie
    given()
        .redirects()
        .follow(false)
        .cookie(StaffWebFilter.COOKIE, tenant.tokenFor(Role.tenant_admin))
        .get("/app")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/app/sign-in"));
  }

  @Test
  void signOutEndsTheSessionOnTheServer() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    String session = browser.cookies().get(StaffWebFilter.COOKIE).getValue();

    browser.driver().findElement(By.cssSelector("form[action='/app/sign-out'] button")).click();
    browser.await(ExpectedConditions.urlContains("/app/sign-in"));

    given()
        .redirects()
        .follow(false)
        .cookie(StaffWebFilter.COOKIE, session)
        .get("/app")
        .then()
        .statusCode(303);
  }

  @Test
  void aWriteWithoutTheCsrfTokenIsRefused() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    String session = browser.cookies().get(StaffWebFilter.COOKIE).getValue();

    given()
        .redirects()
        .follow(false)
        .cookie(StaffWebFilter.COOKIE, session)
        .formParam("_csrf", "forged")
        .post("/app/sign-out")
        .then()
        .statusCode(403);
    // the session survived the forged sign-out
    given().cookie(StaffWebFilter.COOKIE, session).get("/app").then().statusCode(200);
  }

  @Test
  void aCrossSiteWriteIsRefusedEvenWithTheToken() {
    WebStaff.signIn(browser, base(), staff.emailFor(Role.operator));
    String session = browser.cookies().get(StaffWebFilter.COOKIE).getValue();
    String csrf =
        browser
            .driver()
            .findElement(By.cssSelector("meta[name=csrf-token]"))
            .getAttribute("content");

    given()
        .redirects()
        .follow(false)
        .cookie(StaffWebFilter.COOKIE, session)
        .header("Origin", "https://evil.example")
        .formParam("_csrf", csrf)
        .post("/app/sign-out")
        .then()
        .statusCode(403);
  }

  @Test
  void pagesAndTheirFilesCarryTheSecurityHeaders() {
    given()
        .get("/app/sign-in")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", equalTo(CSP))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Referrer-Policy", equalTo("same-origin"))
        .header("Cache-Control", equalTo("no-store"));
    given()
        .get("/app/static/app.js")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", equalTo(CSP))
        .header("X-Content-Type-Options", equalTo("nosniff"));
    given().get("/assets/vendor/htmx/2.0.8/htmx.min.js").then().statusCode(200);
  }

  @Test
  void anInvitedPersonSetsTheirPasswordAndSignsIn() {
    String token =
        staffService.invite("invited.web@staff.test", "Invited Person", Role.support).inviteToken();

    browser.open(base() + "/app/invitation?token=" + token);
    browser.driver().findElement(By.id("password")).sendKeys("short");
    browser.driver().findElement(By.cssSelector("main form button")).click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("password-error")));
    assertThat(browser.driver().findElement(By.id("password-error")).getText())
        .isEqualTo("must be at least 12 characters and at most 128");
    assertThat(Axe.blocking(browser.axe())).isEmpty();
    browser.screenshot("app-invitation");

    browser.driver().findElement(By.id("password")).sendKeys(WebStaff.PASSWORD);
    browser.driver().findElement(By.cssSelector("main form button")).click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));

    WebStaff.signIn(browser, base(), "invited.web@staff.test");
    assertThat(browser.driver().findElement(By.cssSelector(".who")).getText())
        .contains("Invited Person");
  }

  @Test
  void aStaffMemberChangesTheirPassword() {
    String email =
        staffService.invite("changer.web@staff.test", "Changer", Role.billing).inviteToken();
    staffService.acceptInvite(email, WebStaff.PASSWORD);
    WebStaff.signIn(browser, base(), "changer.web@staff.test");

    browser.open(base() + "/app/password");
    browser.driver().findElement(By.id("currentPassword")).sendKeys("wrong current password");
    browser.driver().findElement(By.id("newPassword")).sendKeys("a brand new passphrase");
    browser.driver().findElement(By.cssSelector("main form button")).click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("currentPassword-error")));
    assertThat(Axe.blocking(browser.axe())).isEmpty();

    browser.driver().findElement(By.id("currentPassword")).sendKeys(WebStaff.PASSWORD);
    browser.driver().findElement(By.id("newPassword")).sendKeys("a brand new passphrase");
    browser.driver().findElement(By.cssSelector("main form button")).click();
    browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));

    given()
        .contentType("application/json")
        .body(
            java.util.Map.of(
                "email", "changer.web@staff.test", "password", "a brand new passphrase"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
  }
}
