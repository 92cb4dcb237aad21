package io.tenantry.tenantapp.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.common.keys.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Map;

/**
 * What the operator mounts into a tenant's pod, as files: an empty signing-key dir (so the app
 * generates its own key at first start, as in a local run) and an entitlements dir holding the
 * platform's public key and entitlements it signed (an enterprise plan with room for every test).
 * The platform key is EC P-256, as the control plane generates it; the matching private key is
 * written next to it for tests to mint platform service tokens with.
 */
public class TenantKeysTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String PLATFORM_PRIVATE_KEY = "platform-private-key.pem";

  @Override
  public Map<String, String> start() {
    try {
      Path root = Files.createTempDirectory("tenant-app-test-");
      Path signing = Files.createDirectories(root.resolve("signing"));
      Path entitlements = Files.createDirectories(root.resolve("entitlements"));
      KeyPair platform = ec();
      Files.writeString(
          entitlements.resolve("platform-public-key.pem"),
          Pem.encode("PUBLIC KEY", platform.getPublic().getEncoded()));
      Files.writeString(
          root.resolve(PLATFORM_PRIVATE_KEY),
          Pem.encode("PRIVATE KEY", platform.getPrivate().getEncoded()));
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

  /** An EC P-256 pair, the kind of platform key the control plane generates. */
  public static KeyPair ec() {
    try {
      return KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs as the control plane does: ES256 with an EC platform key, RS256 with an RSA one (an
   * install whose key predates EC).
   */
  public static String sign(JwtClaimsBuilder claims, PrivateKey platformKey) {
    return claims.jws().algorithm(algorithmFor(platformKey)).sign(platformKey);
  }

  public static SignatureAlgorithm algorithmFor(PrivateKey platformKey) {
    return platformKey instanceof ECPrivateKey
        ? SignatureAlgorithm.ES256
        : SignatureAlgorithm.RS256;
  }
}
