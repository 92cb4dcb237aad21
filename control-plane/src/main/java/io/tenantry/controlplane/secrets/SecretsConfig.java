package io.tenantry.controlplane.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where signing keys and credentials live. */
@ConfigMapping(prefix = "tenantry.secrets")
public interface SecretsConfig {

  /** {@code kubernetes} (Secrets in {@link Kubernetes#namespace()}) or {@code vault} (KV v2). */
  @WithDefault("kubernetes")
  String provider();

  /** Name of the secret that holds the platform signing key pair. */
  @WithDefault("tenantry-platform-signing-key")
  String platformKeyName();

  Kubernetes kubernetes();

  Vault vault();

  /** Kubernetes Secrets settings. */
  interface Kubernetes {
    /** Namespace of the platform's own Secrets. */
    @WithDefault("tenantry-system")
    String namespace();
  }

  /** Vault KV v2 settings, used when {@link #provider()} is {@code vault}. */
  interface Vault {
    /** Vault address, e.g. {@code https://vault.example:8200}. */
    Optional<String> address();

    /** Vault token; never logged. */
    Optional<String> token();

    /** Mount point of the KV v2 engine. */
    @WithDefault("secret")
    String mount();

    /** Path under the mount where the platform's secrets live. */
    @WithDefault("tenantry")
    String pathPrefix();

    /** Seconds to wait for Vault before giving up on a call. */
    @WithDefault("5")
    int timeoutSeconds();
  }
}
