package io.tenantry.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test class: Debian's {@code chromium} driven through its {@code
 * chromedriver}, so no test tool downloads a browser. Each browser gets a fresh profile (no
 * cookies, no cache) that is deleted on {@link #close()}.
 *
 * <p>The switches are the ones a machine without internet needs: Chromium's own background
 * connections (updates, sync, field trials) would otherwise be refused many times a second.
 */
public final class Browser implements AutoCloseable {

  /**
   * Where Debian puts them; {@code TENANTRY_CHROMIUM} and {@code TENANTRY_CHROMEDRIVER} override.
   */
  private static final Path CHROMIUM = Path.of(env("TENANTRY_CHROMIUM", "/usr/bin/chromium"));

  private static final Path CHROMEDRIVER =
      Path.of(env("TENANTRY_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser; fails with the install command when Chromium or its driver is missing. */
  public static Browser start() {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            binary
                + " is missing: browser tests need Debian's Chromium and ChromeDriver"
                + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
      }
    }
    Path profile = temporaryProfile();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=en-US",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code url} and waits until the document has loaded. */
  public Browser open(String url) {
    driver.get(url);
    await(d -> "complete".equals(script("return document.readyState")));
    return this;
  }

  /** Waits (up to 15 s) until {@code condition} holds, e.g. {@code ExpectedConditions.…}. */
  public <T> T await(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT)
        .until(
            d -> {
              try {
                return condition.apply(d);
              } catch (WebDriverException e) {
                // htmx replaced the node between finding and reading it; Chromium reports that as
                // an inspector error rather than a stale element. Look again, as for a stale one.
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return null;
                }
                throw e;
              }
            });
  }

  /** Runs {@code source} in the page and returns what it returns. */
  public Object script(String source, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(source, arguments);
  }

  /** The element that has the keyboard focus. */
  public WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /**
   * Messages the page logged at level SEVERE since the last call: script errors and Content
   * Security Policy violations land here.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** The accessibility violations axe-core finds on the current page. */
  public List<Axe.Violation> axe() {
    return Axe.run(this);
  }

  /** Saves a PNG of the viewport; see {@link Screenshots} for where. */
  public Path screenshot(String name) {
    return Screenshots.save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** Cookies the browser holds for the current page, by name, with their attributes. */
  public Map<String, org.openqa.selenium.Cookie> cookies() {
    return driver.manage().getCookies().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                org.openqa.selenium.Cookie::getName, cookie -> cookie, (a, b) -> b));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private static Path temporaryProfile() {
    try {
      return Files.createTempDirectory("tenantry-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Chromium may still be writing its last files as it exits; a leftover temp dir is harmless.
      System.getLogger(Browser.class.getName())
          .log(System.Logger.Level.DEBUG, "profile not fully deleted: " + profile, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
