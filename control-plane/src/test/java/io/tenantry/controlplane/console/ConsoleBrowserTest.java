package io.tenantry.controlplane.console;

import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.browser.Browser;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What every console browser test class shares: one browser for the class, and before each test an
 * empty platform and a browser with no session and no console messages left from the last one. A
 * class's own {@code @BeforeEach} runs after this one's.
 */
abstract class ConsoleBrowserTest {

  static Browser browser;

  @Inject TestPlatform platform;

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
  void startClean() {
    resetPlatform();
    browser.driver().manage().deleteAllCookies();
    browser.consoleErrors();
  }

  /** Empties the platform; a class whose fixtures reset more replaces it. */
  void resetPlatform() {
    platform.reset();
  }

  String base() {
    return root.toString().replaceAll("/$", "");
  }

  WebElement find(String css) {
    return browser.driver().findElement(By.cssSelector(css));
  }

  boolean present(String css) {
    return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
  }

  void open(String path, String heading) {
    browser.open(base() + path);
    awaitPage(browser, heading);
  }
}
