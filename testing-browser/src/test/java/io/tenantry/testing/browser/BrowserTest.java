package io.tenantry.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The browser support itself, against pages served by a JDK HTTP server on loopback. */
class BrowserTest {

  private static final String CSP = "default-src 'self'; script-src 'self'";

  private static final Map<String, String> PAGES =
      Map.of(
          "/accessible",
          """
          <!doctype html><html lang="en"><head><title>Fine</title></head>
          <body><main><h1>Fine</h1><label for="q">Query</label><input id="q">
          <button type="button">Go</button></main></body></html>""",
          "/unlabelled",
          """
          <!doctype html><html lang="en"><head><title>Unlabelled</title></head>
          <body><main><h1>Form</h1><input id="q"></main></body></html>""",
          "/inline-script",
          """
          <!doctype html><html lang="en"><head><title>Inline</title></head>
          <body><main><h1>Inline</h1><script>document.title = 'ran'</script></main></body></html>""");

  private static HttpServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PAGES.forEach(
        (path, html) ->
            server.createContext(
                path,
                exchange -> {
                  byte[] body = html.getBytes(StandardCharsets.UTF_8);
                  exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                  exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
                  exchange.sendResponseHeaders(200, body.length);
                  exchange.getResponseBody().write(body);
                  exchange.close();
                }));
    server.start();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.stop(0);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void anAccessiblePageHasNoBlockingViolation() {
    browser.open(url("/accessible"));

    assertThat(Axe.blocking(browser.axe())).isEmpty();
  }

  @Test
  void anUnlabelledInputIsABlockingViolation() {
    browser.open(url("/unlabelled"));

    assertThat(Axe.blocking(browser.axe())).extracting(Axe.Violation::id).containsExactly("label");
  }

  @Test
  void theContentSecurityPolicyBlocksInlineScriptAndTheConsoleSaysSo() {
    browser.consoleErrors();
    browser.open(url("/inline-script"));

    assertThat(browser.driver().getTitle()).isEqualTo("Inline");
    assertThat(browser.consoleErrors()).anyMatch(m -> m.contains("Content Security Policy"));
  }

  @Test
  void theKeyboardMovesTheFocusInDocumentOrder() {
    browser.open(url("/accessible"));

    browser.focused().sendKeys(Keys.TAB);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("q");
    browser.focused().sendKeys(Keys.TAB);
    assertThat(browser.focused().getText()).isEqualTo("Go");
  }

  @Test
  void aScreenshotIsAPngUnderTarget() throws IOException {
    browser.open(url("/accessible"));

    var file = browser.screenshot("browser-self-test");

    assertThat(file).startsWith(java.nio.file.Path.of("target", "screenshots"));
    byte[] png = Files.readAllBytes(file);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }
}
