package io.tenantry.operator.database;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.operator.config.AdminAuth;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared server's admin password: from Vault when configured, else from a Secret. An empty one
 * is refused; only {@code admin-auth=trust} (a server that trusts the operator, as in local runs)
 * connects without one. Read once and kept until the server refuses it.
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

  /** Where the password comes from, for messages; never the password itself. */
  public String source() {
    if (server.adminAuth() == AdminAuth.TRUST) {
      return "no password (admin-auth=trust)";
    }
    if (server.adminPasswordVault().enabled()) {
      OperatorConfig.AdminVault vault = server.adminPasswordVault();
      return "Vault entry " + vault.mount() + "/" + vault.path() + " key '" + vault.key() + "'";
    }
    OperatorConfig.AdminSecret ref = server.adminPasswordSecret();
    return ref.name()
        .map(name -> "Secret " + ref.namespace() + "/" + name + " key '" + ref.key() + "'")
        .orElse("nowhere");
  }

  /**
   * Refuses a configuration without a password source unless trust is configured explicitly:
   * checked at start-up, so a missing setting fails the install instead of every tenant.
   */
  public void requireSource() {
    if (server.adminAuth() == AdminAuth.PASSWORD
        && !server.adminPasswordVault().enabled()
        && server.adminPasswordSecret().name().isEmpty()) {
      throw new IllegalStateException(
          "the shared server's admin password has no source: set"
              + " tenantry.operator.database.shared-server.admin-password-secret.name or"
              + " admin-password-vault.address (or admin-auth=trust for a server that trusts the"
              + " operator, as in local runs)");
    }
  }

  private String read() {
    if (server.adminAuth() == AdminAuth.TRUST) {
      return "";
    }
    requireSource();
    String password =
        server.adminPasswordVault().enabled()
            ? new VaultAdminPassword(server.adminPasswordVault()).read()
            : readSecret(server.adminPasswordSecret(), server.adminPasswordSecret().name().get());
    if (password.isBlank()) {
      throw new EmptyException(source());
    }
    return password;
  }

  /** The configured source holds an empty password, which the operator never connects with. */
  public static final class EmptyException extends IllegalStateException {
    EmptyException(String source) {
      super("the shared server's admin password in " + source + " is empty; refusing to use it");
    }
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
