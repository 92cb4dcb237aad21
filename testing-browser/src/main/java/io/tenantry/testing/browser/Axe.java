package io.tenantry.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs axe-core (the pinned copy from npm in this module's resources, see README.md) on the page a
 * {@link Browser} shows. The script is put into the page by the driver, which a Content Security
 * Policy does not restrict, so pages under test keep their strict policy.
 */
public final class Axe {

  static final String VERSION = "4.14.1";
  private static final String SOURCE = load("axe-" + VERSION + ".min.js");

  /** Impacts that fail a page; "minor" and "moderate" are reported but tolerated. */
  private static final List<String> BLOCKING = List.of("serious", "critical");

  private Axe() {}

  /** One rule a page breaks, with the elements (CSS selectors) that break it. */
  public record Violation(String id, String impact, String help, List<String> targets) {

    public boolean blocking() {
      return BLOCKING.contains(impact);
    }

    @Override
    public String toString() {
      return impact + " " + id + " (" + help + ") at " + targets;
    }
  }

  static List<Violation> run(Browser browser) {
    browser.script(SOURCE);
    Object result =
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                    + " help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))))"
                    + ".catch(e => done({error: String(e)}));");
    if (result instanceof Map<?, ?> failure) {
      throw new IllegalStateException("axe-core failed: " + failure.get("error"));
    }
    return ((List<?>) result)
        .stream().map(Map.class::cast).map(Axe::violation).collect(Collectors.toList());
  }

  /** Only the serious and critical violations, the ones a page must not have. */
  public static List<Violation> blocking(List<Violation> violations) {
    return violations.stream().filter(Violation::blocking).toList();
  }

  private static Violation violation(Map<?, ?> v) {
    return new Violation(
        (String) v.get("id"),
        String.valueOf(v.get("impact")),
        (String) v.get("help"),
        ((List<?>) v.get("targets")).stream().map(String::valueOf).toList());
  }

  private static String load(String name) {
    try (InputStream in = Axe.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
