package io.tenantry.operator.database;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared server's admin password: from Vault when configured, else from a Secret, else none
 * (e.g. trust authentication). Read once and kept until the server refuses it.
 */
@ApplicationScoped
public class AdminPassword {

  private final OperatorConfig.SharedServer server;
  private final KubernetesClient client;
  private final AtomicReference<String> cached = new AtomicReference<>();

  AdminPassword(OperatorConfig config, KubernetesClient client) {
    this.server = config.database().sharedServer();
    this.client = client;
  }

  /** The current admin password, read from its source on first use and after {@link #forget}. */
  public String get() {
    String password = cached.get();
    if (password == null) {
      password = read();
      cached.set(password);
    }
    return password;
  }

  /** Drops the kept password, e.g. after the server refused it because it was rotated. */
  public void forget() {
    cached.set(null);
  }

  private String read() {
    if (server.adminPasswordVault().enabled()) {
      return new VaultAdminPassword(server.adminPasswordVault()).read();
    }
    OperatorConfig.AdminSecret ref = server.adminPasswordSecret();
    return ref.name().map(name -> readSecret(ref, name)).orElse("");
  }

  private String readSecret(OperatorConfig.AdminSecret ref, String name) {
    String where = "admin password Secret " + ref.namespace() + "/" + name;
    Secret secret = client.secrets().inNamespace(ref.namespace()).withName(name).get();
    if (secret == null) {
      throw new IllegalStateException(where + " does not exist");
    }
    String value = secret.getData() == null ? null : secret.getData().get(ref.key());
    if (value == null) {
      throw new IllegalStateException(where + " has no key '" + ref.key() + "'");
    }
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
