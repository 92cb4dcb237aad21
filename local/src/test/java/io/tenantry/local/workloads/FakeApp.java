package io.tenantry.local.workloads;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in app for the runner's tests, started by the runner as {@code java -jar}: answers the
 * Quarkus health paths, shows an environment variable ({@code /env/NAME}) and a file ({@code
 * /file?/abs/path}), and exits at once with code 3 when {@code CRASH} is set.
 */
public final class FakeApp {

  private FakeApp() {}

  public static void main(String[] args) throws IOException {
    if (System.getenv("CRASH") != null) {
      System.out.println("crashing as asked");
      System.exit(3);
    }
    int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
    InetAddress host = InetAddress.getByName(System.getenv("QUARKUS_HTTP_HOST"));
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body;
          if (path.startsWith("/q/health/")) {
            body = "UP";
          } else if (path.startsWith("/env/")) {
            body = String.valueOf(System.getenv(path.substring("/env/".length())));
          } else if (path.equals("/file")) {
            Path file = Path.of(exchange.getRequestURI().getQuery());
            body = Files.isRegularFile(file) ? Files.readString(file) : "<missing>";
          } else {
            body = "host=" + exchange.getRequestHeaders().getFirst("Host") + " path=" + path;
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    System.out.println("fake app listening on " + port);
  }
}
