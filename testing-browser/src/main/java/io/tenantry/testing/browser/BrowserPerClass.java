package io.tenantry.testing.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What every browser test class of a web app shares: one browser for the class (starting Chromium
 * per test would cost seconds each), and before each test a browser with no session and no console
 * messages left from the last test, so each test checks only what its own pages logged. A
 * subclass's own {@code @BeforeEach} runs after this one's.
 */
public abstract class BrowserPerClass {

  protected static Browser browser;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  @BeforeEach
  void signedOutWithNoConsoleMessages() {
    browser.driver().manage().deleteAllCookies();
    browser.consoleErrors();
  }

  protected WebElement find(String css) {
    return browser.driver().findElement(By.cssSelector(css));
  }

  protected boolean present(String css) {
    return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
  }
}
