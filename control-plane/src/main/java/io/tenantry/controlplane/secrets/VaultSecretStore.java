package io.tenantry.controlplane.secrets;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Secrets kept in Vault's KV v2 engine through the Vault Java Driver. */
public class VaultSecretStore implements SecretStore {

  private final Vault vault;
  private final String basePath;

  public VaultSecretStore(SecretsConfig.Vault config) {
    String address =
        config
            .address()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "tenantry.secrets.vault.address is required when the provider is vault"));
    try {
      VaultConfig vaultConfig =
          new VaultConfig()
              .address(address)
              .token(config.token().orElse(null))
              .engineVersion(2)
              .openTimeout(config.timeoutSeconds())
              .readTimeout(config.timeoutSeconds())
              .build();
      this.vault = Vault.create(vaultConfig);
    } catch (VaultException e) {
      throw new IllegalStateException("invalid Vault configuration", e);
    }
    this.basePath = config.mount() + "/" + config.pathPrefix();
  }

  @Override
  public Optional<Map<String, String>> read(String name) {
    try {
      LogicalResponse response = vault.logical().read(basePath + "/" + name);
      int status = response.getRestResponse().getStatus();
      if (status == 404 || response.getData() == null || response.getData().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new TreeMap<>(response.getData()));
    } catch (VaultException e) {
      if (e.getHttpStatusCode() == 404) {
        return Optional.empty();
      }
      throw new IllegalStateException("Vault refused to read " + name, e);
    }
  }

  @Override
  public void write(String name, Map<String, String> values) {
    try {
      vault.logical().write(basePath + "/" + name, new HashMap<>(values));
    } catch (VaultException e) {
      throw new IllegalStateException("Vault refused to write " + name, e);
    }
  }
}
