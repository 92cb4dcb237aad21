package io.tenantry.controlplane.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Secrets kept as Kubernetes Secrets in the platform namespace. */
public class KubernetesSecretStore implements SecretStore {

  private final KubernetesClient client;
  private final String namespace;

  public KubernetesSecretStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public Optional<Map<String, String>> read(String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null || secret.getData() == null) {
      return Optional.empty();
    }
    Map<String, String> values = new TreeMap<>();
    secret
        .getData()
        .forEach(
            (k, v) ->
                values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return Optional.of(values);
  }

  @Override
  public void write(String name, Map<String, String> values) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(secret(name, values))
        .createOr(op -> op.update());
  }

  @Override
  public boolean createIfAbsent(String name, Map<String, String> values) {
    try {
      client.secrets().inNamespace(namespace).resource(secret(name, values)).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false; // another replica created it first; the caller reads theirs back
      }
      throw e;
    }
  }

  private Secret secret(String name, Map<String, String> values) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels("app.kubernetes.io/part-of", "tenantry")
        .addToLabels("app.kubernetes.io/managed-by", "tenantry-control-plane")
        .endMetadata()
        .withType("Opaque")
        .withData(encoded(values))
        .build();
  }

  /**
   * {@code data} rather than {@code stringData}: only the former reads back the same everywhere.
   */
  private static Map<String, String> encoded(Map<String, String> values) {
    Map<String, String> data = new TreeMap<>();
    values.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return data;
  }
}
