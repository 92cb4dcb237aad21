package io.tenantry.local.workloads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waiting for what the runner does in the background, and asking its processes over HTTP. */
final class Polling {

  static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Polling() {}

  static void await(Supplier<Boolean> done) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (done.get()) {
        return;
      }
      sleep();
    }
    throw new AssertionError("condition not met within " + WAIT);
  }

  static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String get(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "<" + e + ">";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static boolean answers(int port) {
    return !get(port, "/q/health/ready").startsWith("<");
  }

  static boolean isEmpty(Path dir) {
    try (var files = Files.list(dir)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      return true;
    }
  }
}
