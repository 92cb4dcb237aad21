package io.tenantry.operator.database;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.tenantry.operator.config.OperatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Reads the admin password from Vault's KV v2 engine through the Vault Java Driver. Errors name the
 * mount, path and key, never the token or the value.
 */
final class VaultAdminPassword {

  private final OperatorConfig.AdminVault config;

  VaultAdminPassword(OperatorConfig.AdminVault config) {
    this.config = config;
  }

  String read() {
    String location = config.mount() + "/" + config.path();
    try {
      LogicalResponse response = vault().logical().read(location);
      int status = response.getRestResponse().getStatus();
      if (status != 200) {
        // The driver hands back refusals (403, 404 …) as responses rather than exceptions.
        throw new IllegalStateException("Vault answered HTTP " + status + " reading " + location);
      }
      Map<String, String> data = response.getData();
      String password = data == null ? null : data.get(config.key());
      if (password == null) {
        throw new IllegalStateException(
            "Vault entry " + location + " has no key '" + config.key() + "'");
      }
      return password;
    } catch (VaultException e) {
      throw new IllegalStateException(
          "Vault refused to read " + location + " (HTTP " + e.getHttpStatusCode() + ")", e);
    }
  }

  private Vault vault() throws VaultException {
    int timeout = (int) Math.max(1, config.timeout().toSeconds());
    VaultConfig vaultConfig =
        new VaultConfig()
            .address(config.address().orElseThrow())
            .token(token())
            .engineVersion(2)
            // The driver inserts KV v2's "data/" after this many leading path segments.
            .prefixPathDepth(config.mount().split("/").length)
            .openTimeout(timeout)
            .readTimeout(timeout)
            .build();
    return Vault.create(vaultConfig);
  }

  private String token() {
    if (config.token().isPresent()) {
      return config.token().get();
    }
    return config
        .tokenFile()
        .map(
            file -> {
              try {
                return Files.readString(file).strip();
              } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Vault token file " + file, e);
              }
            })
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "tenantry.operator.database.shared-server.admin-password-vault needs a token"
                        + " or a token-file"));
  }
}
