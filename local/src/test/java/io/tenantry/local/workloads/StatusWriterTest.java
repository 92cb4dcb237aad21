package io.tenantry.local.workloads;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tenantry.local.LocalKubernetes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status writes leave the runner's thread free, and the last of quick writes wins. */
class StatusWriterTest {

  @TempDir static Path home;
  static LocalKubernetes kube;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    kube = LocalKubernetes.start(home);
    client = kube.client();
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  @Test
  void aWriteDoesNotWaitForAnApiServerThatDoesNotAnswer() throws Exception {
    // Accepts the connection and never answers: a write that waited would hang here.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        KubernetesClient stuck =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
        StatusWriter writer = new StatusWriter(stuck)) {
      Thread accepting = Thread.ofVirtual().start(() -> acceptForever(silent));
      Deployment deployment = TestDeployments.deployment("nowhere", "x", 1, "db", "password");
      deployment.getMetadata().setUid("uid-1");

      assertTimeoutPreemptively(
          Duration.ofMillis(500), () -> writer.write(deployment, ready(1, 1L)));
      accepting.interrupt();
    }
  }

  @Test
  void ofQuickWritesOfOneDeploymentTheLastWins() {
    Deployment deployment = created("in-order");
    try (StatusWriter writer = new StatusWriter(client)) {
      for (int ready = 0; ready <= 1; ready++) {
        writer.write(deployment, ready(ready, 1L));
      }
      Polling.await(() -> readyReplicas("in-order") == 1);
    }
  }

  private static Deployment created(String ns) {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return client
        .resource(TestDeployments.deployment(ns, TestDeployments.IMAGE, 1, "db", "password"))
        .create();
  }

  private static int readyReplicas(String ns) {
    DeploymentStatus status =
        client.apps().deployments().inNamespace(ns).withName("app").get().getStatus();
    return status == null || status.getReadyReplicas() == null ? -1 : status.getReadyReplicas();
  }

  private static DeploymentStatus ready(int ready, Long generation) {
    return new DeploymentStatusBuilder()
        .withObservedGeneration(generation)
        .withReplicas(1)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .build();
  }

  private static void acceptForever(ServerSocket server) {
    try {
      while (true) {
        @SuppressWarnings("unused")
        Socket held = server.accept();
      }
    } catch (Exception closed) {
      // the test is over
    }
  }
}
