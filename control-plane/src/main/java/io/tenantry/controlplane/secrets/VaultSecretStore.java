package io.tenantry.controlplane.secrets;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.nio.charset.StandardCharsets;
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
    int status;
    try {
      status =
          vault
              .logical()
              .write(basePath + "/" + name, new HashMap<>(values))
              .getRestResponse()
              .getStatus();
    } catch (VaultException e) {
      throw new IllegalStateException("Vault refused to write " + name, e);
    }
    // the driver answers a 4xx instead of throwing; a write it refused must not pass for done
    if (status != 200 && status != 204) {
      throw new IllegalStateException("Vault refused to write " + name + " (HTTP " + status + ")");
    }
  }

  /**
   * KV v2 check-and-set with version 0: Vault writes only if the path has no version yet. The
   * driver returns 4xx answers instead of throwing, so the status decides.
   */
  @Override
  public boolean createIfAbsent(String name, Map<String, String> values) {
    RestResponse answer;
    try {
      answer =
          vault
              .logical()
              .write(
                  basePath + "/" + name,
                  new HashMap<>(values),
                  null,
                  new WriteOptions().checkAndSet(0L).build())
              .getRestResponse();
    } catch (VaultException e) {
      throw new IllegalStateException("Vault refused to write " + name, e);
    }
    if (answer.getStatus() == 200 || answer.getStatus() == 204) {
      return true;
    }
    String body = new String(answer.getBody(), StandardCharsets.UTF_8);
    if (answer.getStatus() == 400 && body.contains("check-and-set")) {
      return false; // another replica wrote it first
    }
    throw new IllegalStateException(
        "Vault refused to write " + name + " (HTTP " + answer.getStatus() + ")");
  }
}
