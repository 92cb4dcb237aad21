package io.tenantry.operator.support;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.tenantry.crds.v1alpha1.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Test-side view of the mock API server: what a kubelet or an SRE would do, and the request log.
 */
public final class Cluster {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final KubernetesClient client;
  private final KubernetesMockServer server;

  public Cluster(KubernetesClient client, KubernetesServer server) {
    this(client, server.getKubernetesMockServer());
  }

  public Cluster(KubernetesClient client, KubernetesMockServer server) {
    this.client = client;
    this.server = server;
  }

  /** The admin password Secret the operator reads before talking to the shared server. */
  public void ensureAdminSecret() {
    String ns = "tenantry-system";
    if (client.namespaces().withName(ns).get() == null) {
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    if (client.secrets().inNamespace(ns).withName("db-admin").get() == null) {
      Secret secret =
          new SecretBuilder()
              .withNewMetadata()
              .withName("db-admin")
              .withNamespace(ns)
              .endMetadata()
              .withData(Map.of("password", base64(AdminRole.get().password())))
              .build();
      client.resource(secret).create();
    }
  }

  /** What the Deployment controller would report once the tenant app's pod is ready. */
  public void markAppAvailable(Tenant tenant, int replicas) {
    client
        .apps()
        .deployments()
        .inNamespace("tenant-" + tenant.slug())
        .withName("tenant-app")
        .editStatus(
            deployment -> {
              Deployment edited = deployment;
              edited.setStatus(
                  new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                      .withReplicas(replicas)
                      .withReadyReplicas(replicas)
                      .withUpdatedReplicas(replicas)
                      .withAvailableReplicas(replicas)
                      .withObservedGeneration(deployment.getMetadata().getGeneration())
                      // A fresh heartbeat each time, as the Deployment controller sends.
                      .addNewCondition()
                      .withType("Available")
                      .withStatus("True")
                      .withLastUpdateTime(java.time.Instant.now().toString())
                      .endCondition()
                      .build());
              return edited;
            });
  }

  /**
   * Checks the operator's requests since the last drain against the reviewed list ({@link
   * ApiRequests}); every drain does.
   */
  public void checkOperatorRequests() {
    drain();
  }

  /** Forgets every request recorded so far, without checking them. */
  public void forgetRequests() {
    try {
      while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
        // dropped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Forgets every request recorded so far. */
  public void clearRequestLog() {
    drain();
  }

  /** Write requests (POST, PUT, PATCH, DELETE) since the last drain, as "METHOD path". */
  public List<String> writesSinceLastDrain() {
    return drain().stream()
        .filter(request -> WRITES.contains(request.getMethod()))
        .map(request -> request.getMethod() + " " + request.getPath())
        .toList();
  }

  private List<RecordedRequest> drain() {
    List<RecordedRequest> requests = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        requests.add(request);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ApiRequests.check(requests);
    return requests;
  }

  public static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  public static String decode(String value) {
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
