package io.tenantry.tenantapp.support;

import io.tenantry.common.keys.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

/**
 * As {@link TenantKeysTestResource}, but the signing-key dir already holds an RSA 2048 pair: the
 * Secret an operator from before EC keys generated for this tenant.
 */
public class RsaSigningKeyTestResource extends TenantKeysTestResource {

  @Override
  public Map<String, String> start() {
    Map<String, String> config = super.start();
    Path signing = Path.of(config.get("tenantry.tenant.signing-key-dir"));
    KeyPair pair = rsa();
    try {
      Files.writeString(
          signing.resolve("private-key.pem"),
          Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(
          signing.resolve("public-key.pem"),
          Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }
}
