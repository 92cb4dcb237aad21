package io.tenantry.tenantapp.benchmark;

import io.tenantry.tenantapp.support.AppProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The packaged tenant app ({@code target/quarkus-app/quarkus-run.jar}) in a process of its own,
 * started with the JVM options the image ships ({@code quarkus.jib.jvm-arguments}), on the test's
 * database and trusting the test's platform key: the app as a tenant runs it, not as a guest in the
 * test JVM, whose heap holds the test framework too.
 */
final class PackagedApp implements AutoCloseable {

  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

  final int port;
  private final Process process;
  private final Path log;

  private PackagedApp(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static PackagedApp start(Path entitlementsDir) throws IOException {
    if (!Files.isReadable(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: ./mvnw -B -ntp -pl tenant-app package -DskipTests");
    }
    // The image ships the AOT cache its build trained, named relative to /deployments; without
    // it the JVM only logs an error and starts slower with other memory, which is not what runs.
    List<String> jvmArguments = shippedJvmArguments();
    if (jvmArguments.contains("-XX:AOTCache=app.aot")
        && !Files.isReadable(JAR.resolveSibling("app.aot"))) {
      throw new IllegalStateException(
          "target/quarkus-app/app.aot is missing: ./mvnw -B -ntp -pl tenant-app package"
              + " -DskipTests -Paot first, then the benchmark through the test phase only"
              + " (./mvnw ... test -Dtest=...): package without -Paot removes the cache");
    }
    Path dir = Files.createTempDirectory("tenant-app-benchmark");
    Path log = dir.resolve("app.log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmArguments);
    // diagnostics only, e.g. a flight recording:
    // -Dbenchmark.app-jvm-args=-XX:StartFlightRecording=...
    String extra = System.getProperty("benchmark.app-jvm-args", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(Arrays.asList(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(JAR.toAbsolutePath().getParent().toFile()) // as /deployments in the image
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Config config = ConfigProvider.getConfig();
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        config.getValue("quarkus.datasource.jdbc.url", String.class));
    env.put(
        "QUARKUS_DATASOURCE_USERNAME",
        config.getValue("quarkus.datasource.username", String.class));
    env.put(
        "QUARKUS_DATASOURCE_PASSWORD",
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    env.put("TENANTRY_TENANT_SLUG", config.getValue("tenantry.tenant.slug", String.class));
    env.put("TENANTRY_TENANT_SIGNING_KEY_DIR", dir.resolve("signing").toString());
    env.put("TENANTRY_TENANT_ENTITLEMENTS_DIR", entitlementsDir.toString());
    env.put("TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD_FILE", dir.resolve("admin").toString());
    PackagedApp app = new PackagedApp(port, builder.start(), log);
    AppProcess.awaitReady(app.process, port, log, Duration.ofMinutes(2));
    return app;
  }

  String jvmArguments() {
    return String.join(" ", shippedJvmArguments());
  }

  private static List<String> shippedJvmArguments() {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read application.properties", e);
    }
    return Arrays.asList(properties.getProperty("quarkus.jib.jvm-arguments").split(","));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** CPU time (user and system) the app's process has used so far. */
  java.time.Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElseThrow();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
