package io.tenantry.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.WavePhase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole product on one machine, through the launcher's own code: embedded PostgreSQL and API
 * server, the packaged operator, control plane and tenant apps (built by the reactor before this
 * module), two demo tenants served through the local ingress. One story, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformEndToEndTest {

  static final Duration WAIT = Duration.ofMinutes(3);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Kept after the run (logs of every service and tenant app), emptied at the start. */
  static Path home = Path.of("target/e2e-home").toAbsolutePath();

  static LocalPlatform platform;
  static PlatformApi owner;
  static Map<String, DemoTenants.Created> tenants = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    deleteRecursively(home);
    Path repository = Path.of("").toAbsolutePath().getParent();
    for (String app : List.of("operator", "control-plane", "tenant-app")) {
      assertThat(repository.resolve(app + "/target/quarkus-app/quarkus-run.jar"))
          .as("the reactor packages %s before this module", app)
          .isRegularFile();
    }
    Map<String, String> env = new HashMap<>();
    env.put("TENANTRY_HOME", home.toString());
    env.put("TENANTRY_LOCAL_PG_PORT", Integer.toString(freePort()));
    env.put("TENANTRY_LOCAL_KUBE_PORT", Integer.toString(freePort()));
    env.put("TENANTRY_CONTROL_PLANE_PORT", Integer.toString(freePort()));
    env.put("TENANTRY_OPERATOR_PORT", Integer.toString(freePort()));
    env.put("TENANTRY_LOCAL_INGRESS_PORT", "0");
    platform = new LocalPlatform();
    platform.start(LocalSettings.from(env, repository), Map.of());
    for (DemoTenants.Created created : DemoTenants.create(platform, 2)) {
      tenants.put(created.slug(), created);
    }
    owner =
        PlatformApi.signInAsOwner(
            platform.controlPlane().url(), platform.settings().bootstrapCredentials());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void bothTenantsAreReadyAtTheirLocalUrls() {
    int port = platform.cluster().ingressPort();
    assertThat(tenants.keySet()).containsExactlyInAnyOrder("acme", "globex");
    assertThat(tenants.get("acme").url()).isEqualTo("http://acme.localhost:" + port);
    assertThat(tenants.get("globex").url()).isEqualTo("http://globex.localhost:" + port);
    assertThat(tenants.values()).allSatisfy(t -> assertThat(t.admin()).isPresent());
  }

  /**
   * The control plane takes nothing but a password change with the owner's one-time password: the
   * demo chose one in its place and wrote it to the credentials file, which now signs in for all.
   */
  @Test
  @Order(1)
  void theDemoReplacedTheOwnersOneTimePasswordInTheCredentialsFile() throws Exception {
    assertThat(Files.readString(platform.settings().bootstrapCredentials()))
        .contains("# Chosen by bin/run-local --demo in place of the one-time password.");
    assertThat(owner.passwordChangeRequired()).isFalse();
    assertThat(owner.get("/api/v1/platform/tenants").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void staffSignInOnBothThroughTheIngressAndATokenOfOneIsRefusedByTheOther() {
    PlatformApi acme = staff("acme");
    PlatformApi globex = staff("globex");

    assertThat(acme.get("/api/v1/staff").status()).isEqualTo(200);
    assertThat(globex.get("/api/v1/staff").status()).isEqualTo(200);
    assertThat(globex.withToken(acme.token()).get("/api/v1/staff").status()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void theStaffWebAppRedirectsToItsSignInPageAtTheTenantUrlNotTheLoopbackPortBehindIt()
      throws Exception {
    String url = tenants.get("globex").url();

    HttpResponse<Void> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/app")).build(),
            HttpResponse.BodyHandlers.discarding());

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue(url + "/app/sign-in");
  }

  @Test
  @Order(3)
  void aCrossTenantSearchHasHitsFromBothTenants() {
    PlatformApi.Answer answer =
        owner.post("/api/v1/platform/search", Map.of("query", "Okafor", "limit", 50));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("partial").asBoolean()).isFalse();
    assertThat(answer.body().path("hits").findValuesAsText("tenant")).contains("acme", "globex");
  }

  @Test
  @Order(4)
  void suspendStopsTheAppAndRemovesTheRouteAndResumeBringsBothBack() throws Exception {
    String url = tenants.get("acme").url();
    assertThat(owner.post("/api/v1/platform/tenants/acme/suspend", null).status()).isEqualTo(200);
    owner.awaitPhase("acme", "Suspended", WAIT);
    await(() -> status(url + "/q/health/ready") == 404);
    await(() -> platform.cluster().runner().readyPorts("tenant-acme", Map.of()).isEmpty());

    assertThat(owner.post("/api/v1/platform/tenants/acme/resume", null).status()).isEqualTo(200);
    owner.awaitPhase("acme", "Ready", WAIT);
    await(() -> status(url + "/q/health/ready") == 200);
    assertThat(staff("acme").get("/api/v1/staff").status()).isEqualTo(200);
  }

  @Test
  @Order(5)
  void aReleaseWhoseImageCannotBePulledHaltsRollsBackAndLeavesTheNextWaveUntouched()
      throws Exception {
    KubernetesClient client = platform.client();
    // An SRE puts acme in the canary ring.
    client
        .resources(Tenant.class)
        .withName("acme")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"tenantry.io/ring\":\"canary\"}}}");
    // A digest the local registry never received: the runner reports ErrImagePull.
    client
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: tenantry.io/v1alpha1
                kind: Release
                metadata: {name: unpullable}
                spec: {appVersion: "sha256:%s", rollbackSafe: true}
                """
                    .formatted("0".repeat(64)),
                Release.class))
        .create();
    client
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: tenantry.io/v1alpha1
                kind: Rollout
                metadata: {name: unpullable}
                spec:
                  release: unpullable
                  waves:
                    - {name: canary, selector: {matchLabels: {tenantry.io/ring: canary}}}
                    - {name: rest}
                """,
                Rollout.class))
        .create();

    await(() -> phaseOf(client, "unpullable") == RolloutPhase.Halted);
    Rollout halted = client.resources(Rollout.class).withName("unpullable").get();
    TenantRolloutStatus acme = halted.getStatus().waves.get(0).tenants.get(0);
    assertThat(acme.tenant).isEqualTo("acme");
    await(
        () ->
            client.resources(Rollout.class).withName("unpullable").get().getStatus().rolledBack
                == 1);
    assertThat(client.resources(Rollout.class).withName("unpullable").get().getStatus().conditions)
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Halted");
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getMessage()).contains("acme");
            });
    // acme is back on the default version, serving again; globex was never touched.
    assertThat(client.resources(Tenant.class).withName("acme").get().getSpec().rolloutVersion)
        .isNull();
    owner.awaitPhase("acme", "Ready", WAIT);
    await(() -> status(tenants.get("acme").url() + "/q/health/ready") == 200);
    assertThat(halted.getStatus().waves.get(1).phase).isEqualTo(WavePhase.Pending);
    assertThat(halted.getStatus().waves.get(1).tenants)
        .extracting(t -> t.tenant)
        .contains("globex");
    assertThat(client.resources(Tenant.class).withName("globex").get().getSpec().rolloutVersion)
        .isNull();
  }

  static RolloutPhase phaseOf(KubernetesClient client, String rollout) {
    Rollout found = client.resources(Rollout.class).withName(rollout).get();
    return found == null || found.getStatus() == null ? null : found.getStatus().phase;
  }

  @Test
  @Order(6)
  void deleteDropsTheDatabaseStopsTheProcessAndRemovesTheNamespace() throws Exception {
    KubernetesClient client = platform.client();
    assertThat(databaseExists("tenant_globex")).isTrue();

    assertThat(owner.delete("/api/v1/platform/tenants/globex").status()).isEqualTo(202);

    await(() -> client.resources(Tenant.class).withName("globex").get() == null);
    await(() -> client.namespaces().withName("tenant-globex").get() == null);
    await(
        () -> client.apps().deployments().inNamespace("tenant-globex").list().getItems().isEmpty());
    await(() -> platform.cluster().runner().readyPorts("tenant-globex", Map.of()).isEmpty());
    await(() -> !databaseExists("tenant_globex"));
    await(() -> status(tenants.get("globex").url() + "/q/health/ready") == 404);
    assertThat(
            Files.exists(home.resolve("pods/tenant-globex"))
                && hasFiles(home.resolve("pods/tenant-globex")))
        .as("projected Secrets of the deleted tenant")
        .isFalse();
  }

  PlatformApi staff(String slug) {
    DemoTenants.StaffAdmin admin = tenants.get(slug).admin().orElseThrow();
    return PlatformApi.signIn(tenants.get(slug).url(), admin.email(), admin.password());
  }

  static boolean databaseExists(String name) {
    LocalDatabase database = platform.database();
    String url = "jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void await(BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + WAIT);
      }
      Thread.sleep(500);
    }
  }

  static boolean hasFiles(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.anyMatch(Files::isRegularFile);
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
