package io.tenantry.controlplane.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's side of {@link SimulatedTenantsMain}: starts it as a child JVM with the test
 * class path and drives it over its loopback control port. Only called between timed requests.
 */
final class SimulatedTenants implements AutoCloseable {

  /**
   * A tenant app in production runs Serial GC (tenant-app's application.properties); the child is
   * one JVM for all of them, so it gets a heap for all of them.
   */
  private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx512m");

  private final Process process;
  private final String control;
  private final HttpClient http = HttpClient.newHttpClient();

  private SimulatedTenants(Process process, int port) {
    this.process = process;
    this.control = "http://127.0.0.1:" + port;
  }

  static SimulatedTenants start(Path log) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), SimulatedTenantsMain.class.getName()));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    if (first == null || !first.startsWith("control ")) {
      process.destroyForcibly();
      throw new IllegalStateException("simulated tenants did not start; see " + log);
    }
    return new SimulatedTenants(process, Integer.parseInt(first.substring("control ".length())));
  }

  /** Servers for tenants 0…count-1 (only the missing ones are started); every server's port. */
  int[] ensure(int count) throws IOException, InterruptedException {
    return Arrays.stream(call("POST", "/tenants?count=" + count).split(","))
        .mapToInt(Integer::parseInt)
        .toArray();
  }

  /** Forgets the delays applied so far. */
  void clear() throws IOException, InterruptedException {
    call("POST", "/clear");
  }

  /** Every delay applied since the last {@link #clear()}, in ms. */
  long[] served() throws IOException, InterruptedException {
    String body = call("GET", "/served");
    return body.isEmpty()
        ? new long[0]
        : Arrays.stream(body.split(",")).mapToLong(Long::parseLong).toArray();
  }

  /**
   * Per answer since the last {@link #clear()}: tenant index, arrival (nanoTime), applied delay
   * (ms), answer written (nanoTime), arrival (epoch microseconds).
   */
  long[][] timings() throws IOException, InterruptedException {
    String body = call("GET", "/timings");
    return body.isEmpty()
        ? new long[0][]
        : Arrays.stream(body.split(";"))
            .map(t -> Arrays.stream(t.split(":")).mapToLong(Long::parseLong).toArray())
            .toArray(long[][]::new);
  }

  /** CPU time the simulated tenants' process has used so far (all its threads), in ms. */
  long cpuMillis() {
    return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
  }

  /** Tenant {@code index} never answers from now on; -1: every tenant answers again. */
  void hang(int index) throws IOException, InterruptedException {
    call("POST", "/hung?index=" + index);
  }

  private String call(String method, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(control + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
