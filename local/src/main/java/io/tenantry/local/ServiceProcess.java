package io.tenantry.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One platform service run as a child JVM, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ServiceProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code jar} with the same JDK that runs this launcher. */
  static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logs)
      throws IOException {
    return start(name, jar, port, env, List.of(), logs);
  }

  /** Starts {@code jar} with {@code jvmArguments}, listening on 127.0.0.1:{@code port} only. */
  static ServiceProcess start(
      String name,
      Path jar,
      int port,
      Map<String, String> env,
      List<String> jvmArguments,
      Path logs)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first (bin/run-local does)");
    }
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(command(java, jvmArguments, jar))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    return new ServiceProcess(name, builder.start(), port, log);
  }

  private static List<String> command(String java, List<String> jvmArguments, Path jar) {
    List<String> command = new java.util.ArrayList<>();
    command.add(java);
    command.addAll(jvmArguments);
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  Process process() {
    return process;
  }

  /** Waits until the service reports ready; fails early if its process dies. */
  void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Expected until the HTTP server binds; keep polling until the deadline.
      }
      process.waitFor(500, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  /** Asks the JVM to stop (SIGTERM: Quarkus shuts down gracefully), then insists. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
