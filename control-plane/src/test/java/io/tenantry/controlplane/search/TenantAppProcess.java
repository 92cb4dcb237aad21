package io.tenantry.controlplane.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.tenantry.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real tenant app ({@code tenant-app/target/quarkus-app/quarkus-run.jar}) running as its own
 * process on its own fresh database, configured as the operator would (contracts.md, "Tenant app
 * configuration"), with a staff admin to seed data through its API.
 */
final class TenantAppProcess implements AutoCloseable {

  static final String ADMIN_EMAIL = "admin@tenant.test";
  private static final String ADMIN_PASSWORD = "a long tenant admin password";
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  static final Path JAR = REPO.resolve("tenant-app/target/quarkus-app/quarkus-run.jar");

  final String slug;
  final int port;
  private final String database;
  private final Path dir;
  private final Process process;

  /** The admin's password: the one-time bootstrap one until the first sign-in replaces it. */
  private String adminPassword = ADMIN_PASSWORD;

  private TenantAppProcess(String slug, int port, String database, Path dir, Process process) {
    this.slug = slug;
    this.port = port;
    this.database = database;
    this.dir = dir;
    this.process = process;
  }

  /** Starts the app; {@link #awaitReady()} waits for it. */
  static TenantAppProcess start(String slug) throws IOException {
    if (!Files.isReadable(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: ./mvnw -B -ntp -q -pl tenant-app -am package -DskipTests");
    }
    PostgresServer postgres = PostgresServer.get();
    String database = postgres.createDatabase("search_" + slug.replace('-', '_'));
    Path dir = Files.createTempDirectory("tenant-app-" + slug);
    Files.createDirectories(dir.resolve("signing"));
    Files.createDirectories(dir.resolve("entitlements"));
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx192m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("app.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.urlOf(database));
    env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password() == null ? "" : postgres.password());
    env.put("TENANTRY_TENANT_SLUG", slug);
    env.put("TENANTRY_TENANT_SIGNING_KEY_DIR", dir.resolve("signing").toString());
    env.put("TENANTRY_TENANT_ENTITLEMENTS_DIR", dir.resolve("entitlements").toString());
    env.put("TENANTRY_TENANT_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    return new TenantAppProcess(slug, port, database, dir, builder.start());
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsMatching(e -> e instanceof IOException)
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(slug + " exited:\n" + log());
              }
              return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
  }

  /** Makes the app trust platform service tokens signed by the key whose public half this is. */
  void trustPlatformKey(String publicKeyPem) throws IOException {
    Files.writeString(dir.resolve("entitlements/platform-public-key.pem"), publicKeyPem);
  }

  /** Adds subscribers through the staff API as the bootstrap admin; each is {name, email}. */
  void addSubscribers(List<List<String>> subscribers) {
    String token = adminToken();
    int n = 0;
    for (List<String> subscriber : subscribers) {
      n++;
      given()
          .baseUri(url())
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "accountNumber",
                  slug.toUpperCase(java.util.Locale.ROOT) + "-" + n,
                  "name",
                  subscriber.get(0),
                  "email",
                  subscriber.get(1),
                  "servicePlan",
                  "Fiber 300",
                  "radiusUsername",
                  slug + "." + n))
          .post("/api/v1/subscribers")
          .then()
          .statusCode(201);
    }
  }

  /**
   * Signs the admin in; the bootstrap password is one-time, so the first sign-in changes it (the
   * same token then works for everything).
   */
  private synchronized String adminToken() {
    var signedIn =
        given()
            .baseUri(url())
            .contentType(ContentType.JSON)
            .body(Map.of("email", ADMIN_EMAIL, "password", adminPassword))
            .post("/api/v1/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String token = signedIn.getString("accessToken");
    if (signedIn.getBoolean("passwordChangeRequired")) {
      String chosen = adminPassword + " chosen";
      given()
          .baseUri(url())
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(Map.of("currentPassword", adminPassword, "newPassword", chosen))
          .post("/api/v1/staff/me/password")
          .then()
          .statusCode(204);
      adminPassword = chosen;
    }
    return token;
  }

  String log() {
    try {
      return Files.readString(dir.resolve("app.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the process and waits for it, then removes its database and files. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    PostgresServer.get().dropDatabase(database);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(TenantAppProcess::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
