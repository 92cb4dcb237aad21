package io.tenantry.tenantapp.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts the packaged tenant app in a process of its own for a test, and waits for it. */
public final class AppProcess {

  private AppProcess() {}

  /**
   * The command that runs {@code target/quarkus-app} with the test JVM's {@code java}, a small heap
   * and C1 only (quick to start; the image's own options are what the benchmarks and {@code
   * AotCacheShippingTest} run), plus {@code extraJvmOptions}.
   */
  public static List<String> command(String... extraJvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of(extraJvmOptions));
    command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    return command;
  }

  /**
   * Polls {@code /q/health/ready} on {@code port} until it answers 200; fails at once, with the
   * app's log, when the process exits first (a start that failed would otherwise look like a slow
   * one until the timeout).
   */
  public static void awaitReady(Process app, int port, Path log, Duration atMost) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsMatching(e -> e instanceof IOException)
        .until(
            () -> {
              if (!app.isAlive()) {
                throw new IllegalStateException("the app exited:\n" + Files.readString(log));
              }
              return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
  }
}
