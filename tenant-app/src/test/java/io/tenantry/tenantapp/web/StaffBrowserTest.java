package io.tenantry.tenantapp.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.tenantry.testing.browser.Browser;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What every staff web app browser test class shares: one browser for the class, and before each
 * test a browser with no session and no console messages left from the last one (each test checks
 * only what its own pages logged). A class's own {@code @BeforeEach} runs after this one's.
 */
abstract class StaffBrowserTest {

  static Browser browser;

  @TestHTTPResource("/")
  URL root;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  @BeforeEach
  void signedOut() {
    browser.driver().manage().deleteAllCookies();
    browser.consoleErrors();
  }

  String base() {
    return root.toString().replaceAll("/$", "");
  }

  WebElement find(String css) {
    return browser.driver().findElement(By.cssSelector(css));
  }
}
