package io.tenantry.local.workloads;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in app for the runner's tests, started by the runner as {@code java -jar}: answers the
 * Quarkus health paths, shows an environment variable ({@code /env/NAME}) and a file ({@code
 * /file?/abs/path}), and exits at once with code 3 when {@code CRASH} is set. With {@code
 * STARTED_AFTER_MS}, {@code /q/health/started} answers 503 until that long after the start, and
 * {@code /probes-before-start} counts the other health probes that came before it answered 200.
 */
public final class FakeApp {

  private FakeApp() {}

  public static void main(String[] args) throws IOException {
    if (System.getenv("CRASH") != null) {
      System.out.println("crashing as asked");
      System.exit(3);
    }
    long startedAt =
        System.currentTimeMillis()
            + Long.parseLong(Objects.requireNonNullElse(System.getenv("STARTED_AFTER_MS"), "0"));
    AtomicBoolean started = new AtomicBoolean();
    AtomicInteger probesBeforeStart = new AtomicInteger();
    int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
    InetAddress host = InetAddress.getByName(System.getenv("QUARKUS_HTTP_HOST"));
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body;
          int status = 200;
          if (path.equals("/q/health/started")) {
            started.compareAndSet(false, System.currentTimeMillis() >= startedAt);
            status = started.get() ? 200 : 503;
            body = started.get() ? "UP" : "DOWN";
          } else if (path.startsWith("/q/health/")) {
            if (!started.get()) {
              probesBeforeStart.incrementAndGet();
            }
            body = "UP";
          } else if (path.equals("/probes-before-start")) {
            body = String.valueOf(probesBeforeStart.get());
          } else if (path.startsWith("/env/")) {
            body = String.valueOf(System.getenv(path.substring("/env/".length())));
          } else if (path.equals("/file")) {
            Path file = Path.of(exchange.getRequestURI().getQuery());
            body = Files.isRegularFile(file) ? Files.readString(file) : "<missing>";
          } else {
            body = "host=" + exchange.getRequestHeaders().getFirst("Host") + " path=" + path;
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    System.out.println("fake app listening on " + port);
  }
}
