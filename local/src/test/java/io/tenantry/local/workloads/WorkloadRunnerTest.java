package io.tenantry.local.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.local.LocalKubernetes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner runs what the API server holds, as a kubelet would: a stand-in app ({@link FakeApp})
 * started from Deployments in the embedded API server, each test in its own namespace.
 */
class WorkloadRunnerTest {

  static final String IMAGE = "ghcr.io/tenantry/tenant-app:0.1.0";
  static final Duration WAIT = Duration.ofSeconds(60);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path home;
  static LocalKubernetes kube;
  static KubernetesClient client;
  static WorkloadRunner runner;

  @BeforeAll
  static void start() throws IOException {
    kube = LocalKubernetes.start(home);
    client = kube.client();
    Images images = new Images(Map.of("ghcr.io/tenantry/tenant-app", FakeApps.build(home)));
    runner =
        new WorkloadRunner(
            client,
            new RunnerSettings(
                images,
                home.resolve("pods"),
                home.resolve("logs"),
                Map.of("LOCAL_EXTRA", "yes"),
                Duration.ofMillis(200),
                Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    runner.close();
    kube.close();
  }

  @Test
  void runsTheReplicaWithItsEnvironmentAndVolumesAndReportsItAvailable() throws Exception {
    String ns = namespace("runs");
    secret(ns, "db", Map.of("password", "s3cret", "user", "app"));
    configMap(ns, "settings", Map.of("mode", "local", "GREETING", "hi"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();

    DeploymentStatus status = awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
    assertThat(status.getAvailableReplicas()).isEqualTo(1);
    assertThat(condition(status, "Available").getStatus()).isEqualTo("True");
    assertThat(status.getObservedGeneration()).isEqualTo(generation(ns));
    int port = onlyPort(ns);
    assertThat(get(port, "/env/DB_PASSWORD")).isEqualTo("s3cret");
    assertThat(get(port, "/env/MODE")).isEqualTo("local");
    assertThat(get(port, "/env/CFG_GREETING")).isEqualTo("hi");
    assertThat(get(port, "/env/POD_NAMESPACE")).isEqualTo(ns);
    assertThat(get(port, "/env/LOCAL_EXTRA")).isEqualTo("yes");
    String keyDir = get(port, "/env/KEY_DIR");
    assertThat(keyDir).startsWith(home.resolve("pods").resolve(ns).toString());
    assertThat(get(port, "/file?" + keyDir + "/user")).isEqualTo("app");
    assertThat(Files.readString(home.resolve("logs").resolve(ns + "-app.log")))
        .contains("fake app listening on " + port);
  }

  @Test
  void aChangedSecretReachesTheMountedFiles() throws Exception {
    String ns = namespace("refresh");
    secret(ns, "db", Map.of("password", "one", "user", "first"));
    configMap(ns, "settings", Map.of("mode", "local"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();
    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
    int port = onlyPort(ns);
    String keyDir = get(port, "/env/KEY_DIR");

    secret(ns, "db", Map.of("password", "one", "user", "second"));

    await(() -> get(port, "/file?" + keyDir + "/user").equals("second"));
  }

  @Test
  void anUnknownImageIsReportedAsAPullFailureAndNothingRuns() {
    String ns = namespace("unknown-image");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local"));
    client.resource(deployment(ns, "docker.io/someone/else:1", 1, "db", "password")).create();

    DeploymentStatus status = awaitStatus(ns, s -> failure(s).isPresent());
    assertThat(failure(status).get().getReason()).isEqualTo("ErrImagePull");
    assertThat(failure(status).get().getMessage()).contains("docker.io/someone/else:1");
    assertThat(status.getAvailableReplicas()).isZero();
    assertThat(runner.readyPorts(ns, Map.of())).isEmpty();
  }

  @Test
  void aMissingSecretKeyIsReportedAndTheAppStartsOnceItExists() {
    String ns = namespace("missing-key");
    secret(ns, "db", Map.of("user", "u"));
    configMap(ns, "settings", Map.of("mode", "local"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();

    DeploymentStatus status = awaitStatus(ns, s -> failure(s).isPresent());
    assertThat(failure(status).get().getReason()).isEqualTo("CreateContainerConfigError");
    assertThat(failure(status).get().getMessage())
        .isEqualTo("couldn't find key password in Secret " + ns + "/db");

    secret(ns, "db", Map.of("user", "u", "password", "now"));
    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
  }

  @Test
  void zeroReplicasStopsTheProcessAndOneStartsItAgain() throws Exception {
    String ns = namespace("scale");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();
    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
    int port = onlyPort(ns);

    client.apps().deployments().inNamespace(ns).withName("app").scale(0);

    DeploymentStatus stopped = awaitStatus(ns, s -> Integer.valueOf(0).equals(s.getReplicas()));
    assertThat(condition(stopped, "Available").getStatus()).isEqualTo("True");
    await(() -> !answers(port));

    client.apps().deployments().inNamespace(ns).withName("app").scale(1);
    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
  }

  @Test
  void aChangedTemplateReplacesThePod() throws Exception {
    String ns = namespace("template");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();
    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
    int before = onlyPort(ns);

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("app")
        .edit(
            d -> {
              d.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .getEnv()
                  .get(0)
                  .setValue("v2");
              return d;
            });

    await(() -> runner.readyPorts(ns, Map.of()).stream().anyMatch(p -> p != before));
    int after = onlyPort(ns);
    assertThat(get(after, "/env/VERSION")).isEqualTo("v2");
    assertThat(answers(before)).isFalse();
  }

  @Test
  void aCrashingAppIsRestartedWithBackOffVisibleInStatus() throws Exception {
    String ns = namespace("crash");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local", "CRASH", "yes"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();

    DeploymentStatus status =
        awaitStatus(
            ns, s -> failure(s).filter(c -> c.getMessage().contains("restarts: 2")).isPresent());
    assertThat(failure(status).get().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(failure(status).get().getMessage()).contains("exit code 3");
    assertThat(Files.readString(home.resolve("logs").resolve(ns + "-app.log")))
        .contains("crashing as asked", "back-off");
  }

  @Test
  void readinessAndLivenessWaitForTheStartupProbe() {
    String ns = namespace("startup");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local", "STARTED_AFTER_MS", "3000"));
    client.resource(withStartupProbe(deployment(ns, IMAGE, 1, "db", "password"), 30)).create();

    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));

    int port = onlyPort(ns);
    assertThat(get(port, "/q/health/started")).isEqualTo("UP");
    assertThat(get(port, "/probes-before-start")).isEqualTo("0");
  }

  @Test
  void aStartupProbeFailingPastItsBudgetKillsTheProcess() throws Exception {
    String ns = namespace("never-started");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local", "STARTED_AFTER_MS", "3600000"));
    // budget: period 1 s times threshold 2
    client.resource(withStartupProbe(deployment(ns, IMAGE, 1, "db", "password"), 2)).create();

    DeploymentStatus status = awaitStatus(ns, s -> failure(s).isPresent());
    assertThat(failure(status).get().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(status.getReadyReplicas()).isIn(null, 0);
    assertThat(Files.readString(home.resolve("logs").resolve(ns + "-app.log")))
        .contains("startup probe failed until its deadline: killing the process")
        .doesNotContain(": ready");
  }

  @Test
  void aDeletedDeploymentStopsItsProcess() throws Exception {
    String ns = namespace("delete");
    secret(ns, "db", Map.of("password", "x", "user", "u"));
    configMap(ns, "settings", Map.of("mode", "local"));
    client.resource(deployment(ns, IMAGE, 1, "db", "password")).create();
    awaitStatus(ns, s -> Integer.valueOf(1).equals(s.getReadyReplicas()));
    int port = onlyPort(ns);

    client.apps().deployments().inNamespace(ns).withName("app").delete();

    await(() -> !answers(port));
    await(
        () ->
            !Files.exists(home.resolve("pods").resolve(ns))
                || isEmpty(home.resolve("pods").resolve(ns)));
  }

  // --- helpers ---

  static String namespace(String name) {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  static void secret(String ns, String name, Map<String, String> data) {
    Map<String, String> encoded = new java.util.HashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes())));
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withData(encoded)
                .build())
        .createOr(existing -> existing.update());
  }

  static void configMap(String ns, String name, Map<String, String> data) {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withData(data)
                .build())
        .createOr(existing -> existing.update());
  }

  static Deployment deployment(String ns, String image, int replicas, String secret, String key) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("app")
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "fake")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "fake")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .addNewEnv()
        .withName("VERSION")
        .withValue("v1")
        .endEnv()
        .addNewEnv()
        .withName("DB_PASSWORD")
        .withNewValueFrom()
        .withNewSecretKeyRef(key, secret, false)
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("MODE")
        .withNewValueFrom()
        .withNewConfigMapKeyRef("mode", "settings", false)
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("POD_NAMESPACE")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("KEY_DIR")
        .withValue("/var/run/keys")
        .endEnv()
        .addNewEnvFrom()
        .withPrefix("CFG_")
        .withNewConfigMapRef()
        .withName("settings")
        .endConfigMapRef()
        .endEnvFrom()
        .addNewEnvFrom()
        .withNewConfigMapRef()
        .withName("settings")
        .endConfigMapRef()
        .endEnvFrom()
        .addNewVolumeMount()
        .withName("keys")
        .withMountPath("/var/run/keys")
        .endVolumeMount()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/q/health/ready")
        .withNewPort("http")
        .endHttpGet()
        .withPeriodSeconds(1)
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewHttpGet()
        .withPath("/q/health/live")
        .withNewPort("http")
        .endHttpGet()
        .endLivenessProbe()
        .endContainer()
        .addNewVolume()
        .withName("keys")
        .withNewSecret()
        .withSecretName(secret)
        .endSecret()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Deployment withStartupProbe(Deployment deployment, int failureThreshold) {
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setStartupProbe(
            new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/q/health/started")
                .withNewPort("http")
                .endHttpGet()
                .withPeriodSeconds(1)
                .withFailureThreshold(failureThreshold)
                .build());
    return deployment;
  }

  static Long generation(String ns) {
    return client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("app")
        .get()
        .getMetadata()
        .getGeneration();
  }

  static DeploymentStatus awaitStatus(
      String ns, java.util.function.Predicate<DeploymentStatus> done) {
    Instant deadline = Instant.now().plus(WAIT);
    DeploymentStatus status = null;
    while (Instant.now().isBefore(deadline)) {
      Deployment current = client.apps().deployments().inNamespace(ns).withName("app").get();
      status = current == null ? null : current.getStatus();
      if (status != null && done.test(status)) {
        return status;
      }
      sleep();
    }
    throw new AssertionError("status of " + ns + "/app never matched; last: " + status);
  }

  static void await(Supplier<Boolean> done) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (done.get()) {
        return;
      }
      sleep();
    }
    throw new AssertionError("condition not met within " + WAIT);
  }

  static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Optional<DeploymentCondition> failure(DeploymentStatus status) {
    return status.getConditions().stream()
        .filter(c -> DeploymentStatuses.REPLICA_FAILURE.equals(c.getType()))
        .findFirst();
  }

  static DeploymentCondition condition(DeploymentStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  static int onlyPort(String ns) {
    List<Integer> ports = runner.readyPorts(ns, Map.of("app", "fake"));
    assertThat(ports).hasSize(1);
    return ports.get(0);
  }

  static String get(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "<" + e + ">";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static boolean answers(int port) {
    return !get(port, "/q/health/ready").startsWith("<");
  }

  static boolean isEmpty(Path dir) {
    try (var files = Files.list(dir)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      return true;
    }
  }
}
