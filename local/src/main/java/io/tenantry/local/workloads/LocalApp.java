package io.tenantry.local.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A locally built Quarkus application that stands in for a container image: its fast-jar and the
 * JVM options its image ships ({@code quarkus.jib.jvm-arguments}, read from the application's own
 * {@code application.properties}, so the local process runs exactly as the container would).
 *
 * @param jar {@code quarkus-app/quarkus-run.jar}
 * @param jvmArguments the image's JVM options, in order
 */
public record LocalApp(Path jar, List<String> jvmArguments) {

  static final String JVM_ARGUMENTS = "quarkus.jib.jvm-arguments";

  /** The app built into {@code quarkusApp} (a {@code target/quarkus-app} folder). */
  public static LocalApp of(Path quarkusApp) {
    Path jar = quarkusApp.resolve("quarkus-run.jar");
    return new LocalApp(jar, jvmArguments(quarkusApp.resolve("app")));
  }

  static List<String> jvmArguments(Path appDir) {
    if (!Files.isDirectory(appDir)) {
      return List.of();
    }
    try (Stream<Path> jars = Files.list(appDir)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Properties properties = properties(jar);
        String value = properties.getProperty(JVM_ARGUMENTS);
        if (value != null) {
          return Arrays.stream(value.split(","))
              .map(String::trim)
              .filter(a -> !a.isEmpty())
              .toList();
        }
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties properties(Path jar) throws IOException {
    Properties properties = new Properties();
    try (JarFile file = new JarFile(jar.toFile())) {
      var entry = file.getEntry("application.properties");
      if (entry != null) {
        try (InputStream in = file.getInputStream(entry)) {
          properties.load(in);
        }
      }
    }
    return properties;
  }

  boolean built() {
    return Files.isRegularFile(jar);
  }
}
