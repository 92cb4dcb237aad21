package io.tenantry.controlplane.redis;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A redis-server of the test's own on a free port, so that a test can stop and restart it without
 * touching the Redis other tests and other runs share.
 */
public class OwnRedisServer implements QuarkusTestResourceLifecycleManager {

  private int port;

  @Override
  public Map<String, String> start() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for redis-server", e);
    }
    start(port);
    return Map.of(
        "quarkus.redis.hosts",
        "redis://127.0.0.1:" + port,
        "quarkus.redis.devservices.enabled",
        "false");
  }

  @Override
  public void stop() {
    stop(port);
  }

  /** Starts redis-server on {@code port} without persistence and waits until it answers. */
  public static void start(int port) {
    try {
      new ProcessBuilder(
              "redis-server",
              "--port",
              String.valueOf(port),
              "--bind",
              "127.0.0.1",
              "--save",
              "",
              "--appendonly",
              "no",
              "--daemonize",
              "yes")
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server could not be started", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitPing(port, true);
  }

  /** Shuts the server on {@code port} down and waits until it no longer answers. */
  public static void stop(int port) {
    cli(port, "shutdown", "nosave");
    awaitPing(port, false);
  }

  public static String cli(int port, String... command) {
    String[] line = new String[command.length + 3];
    line[0] = "redis-cli";
    line[1] = "-p";
    line[2] = String.valueOf(port);
    System.arraycopy(command, 0, line, 3, command.length);
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      process.waitFor();
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("redis-cli could not be run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitPing(int port, boolean answering) {
    for (int attempt = 0; attempt < 300; attempt++) {
      if ("PONG".equals(cli(port, "ping")) == answering) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "redis-server on port " + port + (answering ? " never answered" : " never stopped"));
  }
}
