package io.tenantry.local;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Path;

/** The embedded API server for tests in other packages, with a client on it. */
public final class LocalKubernetes implements AutoCloseable {

  private final EmbeddedKubernetes kube;
  private final KubernetesClient client;

  private LocalKubernetes(EmbeddedKubernetes kube) {
    this.kube = kube;
    this.client =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl(kube.url()).build())
            .build();
  }

  public static LocalKubernetes start(Path home) throws IOException {
    return new LocalKubernetes(
        EmbeddedKubernetes.start(0, home.resolve("kubeconfig"), "tenantry-system"));
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    kube.close();
  }
}
