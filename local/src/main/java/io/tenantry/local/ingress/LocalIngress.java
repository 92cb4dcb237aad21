package io.tenantry.local.ingress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local ingress controller: one loopback port that routes by Host header, from the Ingress
 * objects in the API server ({@code http://<slug>.localhost:<port>}) and from Service DNS names
 * ({@code tenant-app.tenant-<slug>.svc.cluster.local}), to the ready replicas the local runner
 * started. A host nothing routes (a suspended tenant has no Ingress) gets a 404 page saying so; a
 * route without a ready replica a 503 with {@code Retry-After}.
 */
public final class LocalIngress implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalIngress.class.getName());

  /** Headers that belong to one connection (RFC 9110 7.6.1) or that the JDK client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "host",
          "content-length",
          "expect");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient upstream;

  /** Read once by the JDK when its HTTP client is first used, so it is set on the command line. */
  public static final String HOST_HEADER_PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

  private final SharedIndexInformer<Ingress> ingresses;
  private final SharedIndexInformer<Service> services;
  private final Backends backends;
  private final AtomicInteger next = new AtomicInteger();

  private LocalIngress(
      HttpServer server,
      KubernetesClient client,
      Backends backends,
      Consumer<Collection<Service>> onServices) {
    this.server = server;
    this.backends = backends;
    this.upstream =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();
    this.ingresses = client.network().v1().ingresses().inAnyNamespace().inform();
    this.services = client.services().inAnyNamespace().inform();
    onServices.accept(services.getStore().list());
    services.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Service service) {
            onServices.accept(services.getStore().list());
          }

          @Override
          public void onUpdate(Service old, Service service) {}

          @Override
          public void onDelete(Service service, boolean unknownFinalState) {
            onServices.accept(services.getStore().list());
          }
        });
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: any free port); {@code onServices} hears of every Service
   * that comes or goes.
   */
  public static LocalIngress start(
      int port,
      KubernetesClient client,
      Backends backends,
      Consumer<Collection<Service>> onServices)
      throws IOException {
    // The JDK client sends its own Host header unless the JVM was started allowing a caller's.
    if (!System.getProperty(HOST_HEADER_PROPERTY, "").toLowerCase().contains("host")) {
      throw new IllegalStateException(
          "the local ingress keeps each request's Host header: start the JVM with -D"
              + HOST_HEADER_PROPERTY
              + "=host");
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    LocalIngress ingress = new LocalIngress(server, client, backends, onServices);
    server.createContext("/", ingress::handle);
    server.setExecutor(ingress.executor);
    server.start();
    return ingress;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
      String path = exchange.getRequestURI().getRawPath();
      Optional<Routes.Target> target =
          Routes.find(host, path, ingresses.getStore().list(), this::service);
      if (target.isEmpty()) {
        page(
            exchange,
            404,
            "Not served here",
            "Nothing is served at "
                + Routes.hostOnly(host)
                + ": no such tenant, or the tenant is"
                + " suspended (a suspended tenant has no route until it is resumed).");
        return;
      }
      Service service = service(target.get().namespace(), target.get().service());
      List<Integer> ports =
          service == null || service.getSpec().getSelector() == null
              ? List.of()
              : backends.readyPorts(target.get().namespace(), service.getSpec().getSelector());
      if (ports.isEmpty()) {
        exchange.getResponseHeaders().set("Retry-After", "5");
        page(
            exchange,
            503,
            "Starting",
            "The app behind "
                + Routes.hostOnly(host)
                + " has no ready replica yet; try again"
                + " in a few seconds.");
        return;
      }
      forward(exchange, ports.get(Math.floorMod(next.getAndIncrement(), ports.size())), host);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "ingress request failed", e);
    }
  }

  private Service service(String namespace, String name) {
    return services.getStore().getByKey(namespace + "/" + name);
  }

  private void forward(HttpExchange exchange, int port, String host) throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + port + exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(exchange.getRequestMethod(), body(exchange))
            .timeout(Duration.ofMinutes(2));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    // An ingress controller keeps the Host header, so the app builds its redirects and cookies
    // for the tenant's own URL, not for the loopback port behind it.
    request.header("Host", host);
    request.header("X-Forwarded-Host", host);
    request.header("X-Forwarded-Proto", "http");
    request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
    HttpResponse<InputStream> response;
    try {
      response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      page(exchange, 502, "Bad gateway", "The app did not answer: " + e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    boolean noBody =
        exchange.getRequestMethod().equals("HEAD")
            || response.statusCode() == 204
            || response.statusCode() == 304;
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : 0);
    try (InputStream in = response.body();
        OutputStream out = exchange.getResponseBody()) {
      if (!noBody) {
        in.transferTo(out);
      }
    }
  }

  private static HttpRequest.BodyPublisher body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    return bytes.length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(bytes);
  }

  private static void page(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    byte[] html =
        ("<!doctype html><html><head><meta charset=\"utf-8\"><title>"
                + title
                + "</title></head>"
                + "<body><h1>"
                + status
                + " "
                + title
                + "</h1><p>"
                + escape(text)
                + "</p>"
                + "<p>Tenantry local ingress</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, html.length);
    exchange.getResponseBody().write(html);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() {
    server.stop(0);
    ingresses.close();
    services.close();
    upstream.close();
    executor.shutdownNow();
  }
}
