package io.tenantry.tenantapp.keys;

import io.tenantry.tenantapp.config.TenantConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The platform's public key as the operator mounts it (ConfigMap {@code tenant-entitlements}, see
 * docs/contracts.md), and the issuer of everything that key signs: service tokens and entitlements.
 */
public final class PlatformKey {

  public static final String ISSUER = "https://tenantry.io/platform";

  /** The key's file in the entitlements dir: X.509 SPKI PEM, EC P-256 or RSA ({@link JwsKey}). */
  public static final String FILE = "platform-public-key.pem";

  private PlatformKey() {}

  /** Where the key is, when the entitlements dir is configured; the file may not exist yet. */
  public static Optional<Path> file(TenantConfig config) {
    return config.entitlementsDir().map(dir -> dir.resolve(FILE));
  }
}
