package io.tenantry.operator.rollout;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server standing in for the tenant apps' Prometheus endpoints: {@code /<tenant>}
 * answers the exposition text a test set for that tenant, by default one without any request.
 */
final class MetricsServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  MetricsServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String tenant = exchange.getRequestURI().getPath().substring(1);
          byte[] body = texts.getOrDefault(tenant, "").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** The URL template the operator is configured with. */
  String urlTemplate() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/{tenant}";
  }

  /** The tenant app answered {@code ok} requests with 200 and {@code failed} with 500. */
  void requests(String tenant, int ok, int failed) {
    texts.put(
        tenant,
        """
        # TYPE http_server_requests_seconds summary
        http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/app"} %d.0
        http_server_requests_seconds_sum{method="GET",outcome="SUCCESS",status="200",uri="/app"} 1.0
        http_server_requests_seconds_count{method="GET",outcome="SERVER_ERROR",status="500",uri="/app"} %d.0
        http_server_requests_seconds_sum{method="GET",outcome="SERVER_ERROR",status="500",uri="/app"} 1.0
        # TYPE http_server_requests_seconds_max gauge
        http_server_requests_seconds_max{method="GET",outcome="SUCCESS",status="200",uri="/app"} 0.05
        """
            .formatted(ok, failed));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
