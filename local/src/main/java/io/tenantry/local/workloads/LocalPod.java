package io.tenantry.local.workloads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one replica of a Deployment as a local process, and what a kubelet knows about it: whether it
 * is running, ready, waiting (and why), and how often it restarted. Only the runner's thread
 * touches it.
 */
final class LocalPod {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  final String namespace;
  final String deployment;
  final String name;
  final String templateHash;
  final Map<String, String> labels;
  final Path dir;
  final Path log;

  Process process;
  int port;
  int incarnation;
  int restarts;
  int consecutiveCrashes;
  Instant nextStart = Instant.EPOCH;
  String waitingReason;
  String waitingMessage;
  boolean ready;
  boolean everReady;
  int livenessFailures;
  int readinessFailures;

  /** Whether the startup probe passed (or none is declared) since the process started. */
  boolean started;

  Instant startupDeadline = Instant.EPOCH;
  Instant nextStartupProbe = Instant.EPOCH;
  Instant nextReadinessProbe = Instant.EPOCH;
  Instant nextLivenessProbe = Instant.EPOCH;
  Map<String, Path> mounts = Map.of();

  LocalPod(
      String namespace,
      String deployment,
      String templateHash,
      Map<String, String> labels,
      Path podsRoot,
      Path log) {
    this.namespace = namespace;
    this.deployment = deployment;
    this.name = deployment + "-" + templateHash;
    this.templateHash = templateHash;
    this.labels = Map.copyOf(labels);
    this.dir = podsRoot.resolve(namespace).resolve(name);
    this.log = log;
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  void waiting(String reason, String message) {
    this.waitingReason = reason;
    this.waitingMessage = message;
    this.ready = false;
  }

  /** Appends a line of the runner's own to the app's log, so restarts show where output is. */
  void note(String line) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "[tenantry-local] " + Instant.now() + " " + name + ": " + line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // The log is a convenience; a pod never stops because it cannot be written.
    }
  }

  /** SIGTERM, then SIGKILL after the grace period, as the kubelet stops a container. */
  void kill() {
    Process current = process;
    process = null;
    ready = false;
    if (current == null) {
      return;
    }
    current.destroy();
    try {
      if (!current.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        current.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the process and removes its projected volumes (Secrets never linger on disk). */
  void remove() {
    kill();
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      note("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
