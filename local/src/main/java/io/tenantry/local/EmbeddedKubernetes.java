package io.tenantry.local;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * A Kubernetes API server for machines without a cluster: the Fabric8 mock server in CRUD mode,
 * which stores and serves real API objects (nothing runs pods), with the Tenant CRD installed and a
 * kubeconfig written for kubectl and the platform's own clients.
 */
final class EmbeddedKubernetes implements AutoCloseable {

  static final String CRD_RESOURCE = "/META-INF/tenantry/crds/tenants.tenantry.io-v1.yml";

  /** Release and Rollout: the operator's rollout controller watches them, kubectl shows them. */
  static final List<String> ROLLOUT_CRD_RESOURCES =
      List.of(
          "/META-INF/tenantry/crds/releases.tenantry.io-v1.yml",
          "/META-INF/tenantry/crds/rollouts.tenantry.io-v1.yml");

  private final KubernetesMockServer server;
  private final Path kubeconfig;

  private EmbeddedKubernetes(KubernetesMockServer server, Path kubeconfig) {
    this.server = server;
    this.kubeconfig = kubeconfig;
  }

  static EmbeddedKubernetes start(int port, Path kubeconfig, String platformNamespace)
      throws IOException {
    List<CustomResourceDefinition> crds = new java.util.ArrayList<>(List.of(tenantCrd()));
    ROLLOUT_CRD_RESOURCES.forEach(resource -> crds.add(crd(resource)));
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new DiscoveryDispatcher(crds),
            false);
    server.init(InetAddress.getLoopbackAddress(), port);
    try (KubernetesClient client = server.createClient()) {
      for (CustomResourceDefinition crd : crds) {
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      }
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(platformNamespace)
                  .endMetadata()
                  .build())
          .create();
    }
    Files.createDirectories(kubeconfig.getParent());
    Files.writeString(kubeconfig, kubeconfigYaml("http://127.0.0.1:" + server.getPort()));
    return new EmbeddedKubernetes(server, kubeconfig);
  }

  static CustomResourceDefinition tenantCrd() {
    return crd(CRD_RESOURCE);
  }

  private static CustomResourceDefinition crd(String resource) {
    try (InputStream yaml = EmbeddedKubernetes.class.getResourceAsStream(resource)) {
      if (yaml == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kubeconfigYaml(String serverUrl) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: tenantry-local
          cluster:
            server: %s
        users:
        - name: tenantry-local
          user:
            token: local
        contexts:
        - name: tenantry-local
          context:
            cluster: tenantry-local
            user: tenantry-local
        current-context: tenantry-local
        """
        .formatted(serverUrl);
  }

  /** A client of this server (the caller closes it). */
  KubernetesClient client() {
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(url()).build())
        .build();
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
