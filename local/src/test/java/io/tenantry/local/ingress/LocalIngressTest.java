package io.tenantry.local.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.local.LocalKubernetes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local ingress routes by Host header from the Ingress objects and Service names in the API
 * server to the ready replicas the runner reports, and says why when it cannot.
 */
class LocalIngressTest {

  @TempDir static Path home;
  static LocalKubernetes kube;
  static KubernetesClient client;
  static LocalIngress ingress;
  static HttpServer app;
  static final AtomicReference<String> seen = new AtomicReference<>();

  /** Ready ports by namespace, as the runner would report them. */
  static final Map<String, List<Integer>> ready = new ConcurrentHashMap<>();

  static final AtomicReference<Collection<Service>> services = new AtomicReference<>(List.of());

  @BeforeAll
  static void start() throws IOException {
    kube = LocalKubernetes.start(home);
    client = kube.client();
    app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          seen.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " host="
                  + exchange.getRequestHeaders().getFirst("Host")
                  + " forwarded-host="
                  + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                  + " body="
                  + new String(body, StandardCharsets.UTF_8));
          byte[] answer = "from app".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("X-App", "yes");
          exchange.sendResponseHeaders(201, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    app.start();
    ingress =
        LocalIngress.start(
            0,
            client,
            (namespace, selector) ->
                selector.equals(Map.of("app", "tenant-app"))
                    ? ready.getOrDefault(namespace, List.of())
                    : List.of(),
            services::set);
    tenant("acme");
    tenant("globex");
  }

  @AfterAll
  static void stop() {
    ingress.close();
    app.stop(0);
    kube.close();
  }

  static void tenant(String slug) {
    String ns = "tenant-" + slug;
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("tenant-app")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "tenant-app"))
                .addNewPort()
                .withName("http")
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("tenant-app")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost(slug + ".localhost")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("tenant-app")
                .withNewPort()
                .withName("http")
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build())
        .create();
  }

  @Test
  void aTenantHostReachesItsReadyReplicaWithMethodPathAndBody() throws Exception {
    ready.put("tenant-acme", List.of(app.getAddress().getPort()));

    String response =
        awaitResponse(
            "POST", "acme.localhost:" + ingress.port(), "/api/v1/x?q=1", "{\"a\":1}", "201");

    assertThat(response).startsWith("HTTP/1.1 201").contains("from app");
    assertThat(response.toLowerCase()).contains("x-app: yes");
    assertThat(seen.get())
        .isEqualTo(
            "POST /api/v1/x?q=1 host=acme.localhost:"
                + ingress.port()
                + " forwarded-host=acme.localhost:"
                + ingress.port()
                + " body={\"a\":1}");
  }

  @Test
  void aServiceNameReachesTheServiceAsTheControlPlaneCallsIt() throws Exception {
    ready.put("tenant-acme", List.of(app.getAddress().getPort()));

    String response =
        awaitResponse(
            "GET",
            "tenant-app.tenant-acme.svc.cluster.local:" + ingress.port(),
            "/internal/v1/usage",
            null,
            "201");

    assertThat(response).contains("from app");
    assertThat(seen.get()).startsWith("GET /internal/v1/usage");
  }

  @Test
  void aHostWithoutIngressGetsANotFoundPageSayingWhy() throws Exception {
    String response = request("GET", "suspended.localhost:" + ingress.port(), "/", null);

    assertThat(response).startsWith("HTTP/1.1 404").contains("suspended");
  }

  @Test
  void aRouteWithoutAReadyReplicaGetsServiceUnavailableWithRetryAfter() throws Exception {
    ready.remove("tenant-globex");

    String response = awaitResponse("GET", "globex.localhost:" + ingress.port(), "/", null, "503");

    assertThat(response.toLowerCase()).contains("retry-after: 5");
    assertThat(response).contains("no ready replica");
  }

  @Test
  void everyServiceNameIsHandedToTheHostsFile() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (services.get().size() < 2 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    HostsFile hosts = new HostsFile(home.resolve("hosts"), Map.of("db.example", "10.1.2.3"));
    hosts.update(services.get());

    assertThat(Files.readAllLines(home.resolve("hosts")))
        .contains(
            "127.0.0.1 localhost",
            "10.1.2.3 db.example",
            "127.0.0.1 tenant-app.tenant-acme.svc.cluster.local",
            "127.0.0.1 tenant-app.tenant-globex.svc.cluster.local");
  }

  /** Retries until the informers have seen the objects (the answer's status is {@code status}). */
  static String awaitResponse(String method, String host, String path, String body, String status)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String response = "";
    while (Instant.now().isBefore(deadline)) {
      response = request(method, host, path, body);
      if (response.startsWith("HTTP/1.1 " + status)) {
        return response;
      }
      Thread.sleep(100);
    }
    return response;
  }

  /** A raw HTTP/1.1 request: the JDK client does not let a caller set the Host header. */
  static String request(String method, String host, String path, String body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), ingress.port())) {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nConnection: close\r\n"
              + (body == null
                  ? ""
                  : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
              + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
