package io.tenantry.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where browser tests put their screenshots. Every run writes them to {@code target/screenshots/}
 * of the module under test; with {@code -Dscreenshots.update=true} they also replace the copies in
 * the repository's {@code docs/screenshots/}, which the docs show. A plain test run therefore never
 * changes tracked files.
 */
public final class Screenshots {

  private Screenshots() {}

  static Path save(String name, byte[] png) {
    String file = name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png";
    Path target = write(Path.of("target", "screenshots", file), png);
    if (Boolean.getBoolean("screenshots.update")) {
      write(docs().resolve(file), png);
    }
    return target;
  }

  /** {@code docs/screenshots} of the repository: tests run in a module folder below it. */
  static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("docs").resolve("screenshots");
  }

  private static Path write(Path file, byte[] png) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
