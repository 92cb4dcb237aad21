package io.tenantry.local.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A locally built Quarkus application that stands in for a container image: its fast-jar, the JVM
 * options its image ships ({@code quarkus.jib.jvm-arguments}) and the environment its image sets
 * ({@code quarkus.jib.environment-variables.*}), read from the application's own {@code
 * application.properties}, so the local process runs as the container would.
 *
 * <p>The image runs {@code java <options> -jar quarkus-run.jar} in the folder that holds the jar,
 * and its AOT cache ({@code -XX:AOTCache=app.aot}) lies beside the jar. A local build made without
 * {@code -Paot} has no cache: the option is then left out (the JVM would print an error for a
 * missing cache on every start) and {@link #withoutAotCache()} says so, for the launcher to tell.
 *
 * @param jar {@code quarkus-app/quarkus-run.jar}
 * @param jvmArguments the image's JVM options, in order
 * @param environment the image's environment variables; the container's own win over them
 * @param withoutAotCache whether the image's options named an AOT cache this build does not have
 */
public record LocalApp(
    Path jar, List<String> jvmArguments, Map<String, String> environment, boolean withoutAotCache) {

  static final String JVM_ARGUMENTS = "quarkus.jib.jvm-arguments";
  static final String ENVIRONMENT = "quarkus.jib.environment-variables.";
  static final String AOT_CACHE = "-XX:AOTCache=";

  public LocalApp {
    jvmArguments = List.copyOf(jvmArguments);
    environment = Map.copyOf(environment);
  }

  /** An app with JVM options and no image environment. */
  public LocalApp(Path jar, List<String> jvmArguments) {
    this(jar, jvmArguments, Map.of(), false);
  }

  /** The app built into {@code quarkusApp} (a {@code target/quarkus-app} folder). */
  public static LocalApp of(Path quarkusApp) {
    Path jar = quarkusApp.resolve("quarkus-run.jar");
    Properties properties = imageProperties(quarkusApp.resolve("app"));
    List<String> options = new ArrayList<>();
    boolean withoutCache = false;
    for (String option : split(properties.getProperty(JVM_ARGUMENTS, ""))) {
      if (option.startsWith(AOT_CACHE)
          && !Files.isRegularFile(quarkusApp.resolve(option.substring(AOT_CACHE.length())))) {
        withoutCache = true;
        continue;
      }
      options.add(option);
    }
    return new LocalApp(jar, options, environment(properties), withoutCache);
  }

  /** The folder the image runs the app in: the jar's own (relative options resolve there). */
  Path workingDirectory() {
    return jar.toAbsolutePath().getParent();
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
  }

  private static Map<String, String> environment(Properties properties) {
    Map<String, String> environment = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(ENVIRONMENT)) {
        environment.put(name.substring(ENVIRONMENT.length()), properties.getProperty(name));
      }
    }
    return environment;
  }

  /** The {@code application.properties} of the first jar in {@code appDir} that sets options. */
  private static Properties imageProperties(Path appDir) {
    if (!Files.isDirectory(appDir)) {
      return new Properties();
    }
    try (Stream<Path> jars = Files.list(appDir)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        Properties properties = properties(jar);
        if (properties.getProperty(JVM_ARGUMENTS) != null) {
          return properties;
        }
      }
      return new Properties();
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
