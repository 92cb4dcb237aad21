package io.tenantry.controlplane.console;

import static io.tenantry.controlplane.console.ConsoleSession.awaitPage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.browser.BrowserPerClass;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every console browser test class shares: {@link BrowserPerClass}'s browser, signed out
 * before each test, and an empty platform. A class's own {@code @BeforeEach} runs after this one's.
 */
abstract class ConsoleBrowserTest extends BrowserPerClass {

  @Inject TestPlatform platform;

  @TestHTTPResource("/")
  URL root;

  @BeforeEach
  void startClean() {
    resetPlatform();
  }

  /** Empties the platform; a class whose fixtures reset more replaces it. */
  void resetPlatform() {
    platform.reset();
  }

  String base() {
    return root.toString().replaceAll("/$", "");
  }

  void open(String path, String heading) {
    browser.open(base() + path);
    awaitPage(browser, heading);
  }
}
