package io.tenantry.tenantapp.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * What the operator mounts into a tenant's pod, as files: an empty signing-key dir (so the app
 * generates its own key at first start, as in a local run) and an entitlements dir holding the
 * platform's public key and entitlements it signed (an enterprise plan with room for every test).
 * The matching platform private key is written next to it for tests to mint platform service tokens
 * with.
 */
public class TenantKeysTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String PLATFORM_PRIVATE_KEY = "platform-private-key.pem";

  @Override
  public Map<String, String> start() {
    try {
      Path root = Files.createTempDirectory("tenant-app-test-");
      Path signing = Files.createDirectories(root.resolve("signing"));
      Path entitlements = Files.createDirectories(root.resolve("entitlements"));
      KeyPair platform = rsa();
      Files.writeString(
          entitlements.resolve("platform-public-key.pem"),
          pem("PUBLIC KEY", platform.getPublic().getEncoded()));
      Files.writeString(
          root.resolve(PLATFORM_PRIVATE_KEY),
          pem("PRIVATE KEY", platform.getPrivate().getEncoded()));
      TestEntitlements.write(
          entitlements, TestEntitlements.generous().signedFile(platform.getPrivate()));
      return Map.of(
          "tenantry.tenant.signing-key-dir", signing.toString(),
          "tenantry.tenant.entitlements-dir", entitlements.toString(),
          "tenantry.tenant.bootstrap-admin.password-file", root.resolve("admin-token").toString(),
          "tenantry.tenant.bootstrap-admin.email", "first.admin@acme.test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}

  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
