package io.tenantry.tenantapp.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.Secrets;
import io.tenantry.tenantapp.identity.StaffStatus;
import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.identity.StaffUsers;
import io.tenantry.testing.browser.Browser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Staff users with a password for browser tests, and signing them in through the page. */
@ApplicationScoped
public class WebStaff {

  public static final String PASSWORD = "correct horse battery staple";

  private final StaffUsers staffUsers;

  WebStaff(StaffUsers staffUsers) {
    this.staffUsers = staffUsers;
  }

  /** An active staff user {@code <role>.web@staff.test} whose password is {@link #PASSWORD}. */
  public String emailFor(Role role) {
    return emailFor(role, role.name() + ".web@staff.test");
  }

  /** An active staff user {@code email} of {@code role}, whose password is {@link #PASSWORD}. */
  public synchronized String emailFor(Role role, String email) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (staffUsers.byEmail(email).isEmpty()) {
                StaffUser user = new StaffUser();
                user.id = UUID.randomUUID();
                user.email = email;
                user.displayName = "Web " + role.name();
                user.role = role;
                user.status = StaffStatus.active;
                user.passwordHash = Secrets.hashPassword(PASSWORD);
                user.createdAt = Instant.now();
                staffUsers.insert(user);
              }
            });
    return email;
  }

  /** Signs in through the sign-in page and waits for the dashboard. */
  public static void signIn(Browser browser, String baseUrl, String email) {
    browser.open(baseUrl + "/app/sign-in");
    var driver = browser.driver();
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.await(ExpectedConditions.titleContains("Dashboard"));
  }
}
