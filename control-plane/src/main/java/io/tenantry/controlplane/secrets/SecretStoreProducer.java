package io.tenantry.controlplane.secrets;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the secret store from configuration. */
public class SecretStoreProducer {

  @Produces
  @ApplicationScoped
  SecretStore secretStore(SecretsConfig config, KubernetesClient client) {
    return switch (config.provider()) {
      case "vault" -> new VaultSecretStore(config.vault());
      case "kubernetes" -> new KubernetesSecretStore(client, config.kubernetes().namespace());
      default ->
          throw new IllegalStateException(
              "tenantry.secrets.provider must be kubernetes or vault, not " + config.provider());
    };
  }
}
