package io.tenantry.local.workloads;

import static io.tenantry.local.workloads.Polling.WAIT;
import static io.tenantry.local.workloads.Polling.answers;
import static io.tenantry.local.workloads.Polling.await;
import static io.tenantry.local.workloads.Polling.get;
import static io.tenantry.local.workloads.Polling.isEmpty;
import static io.tenantry.local.workloads.Polling.sleep;
import static io.tenantry.local.workloads.TestDeployments.IMAGE;
import static io.tenantry.local.workloads.TestDeployments.condition;
import static io.tenantry.local.workloads.TestDeployments.deployment;
import static io.tenantry.local.workloads.TestDeployments.failure;
import static io.tenantry.local.workloads.TestDeployments.withStartupProbe;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.local.LocalKubernetes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner runs what the API server holds, as a kubelet would: a stand-in app ({@link FakeApp})
 * started from Deployments in the embedded API server, each test in its own namespace.
 */
class WorkloadRunnerTest {

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

  static int onlyPort(String ns) {
    List<Integer> ports = runner.readyPorts(ns, Map.of("app", "fake"));
    assertThat(ports).hasSize(1);
    return ports.get(0);
  }
}
