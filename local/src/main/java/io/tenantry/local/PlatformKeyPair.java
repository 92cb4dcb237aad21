package io.tenantry.local;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * The platform signing key pair, made by the launcher before the control plane starts and stored
 * where the control plane keeps it (Secret {@code tenantry-platform-signing-key}), so the operator
 * can be given the public key at once and mount it into every tenant app, as an installation's Helm
 * values would: tenant apps then accept the platform's service tokens and entitlements.
 */
final class PlatformKeyPair {

  static final String SECRET = "tenantry-platform-signing-key";

  private PlatformKeyPair() {}

  /** Stores a new pair unless one exists; returns the public key as PEM. */
  static String ensure(KubernetesClient client, String namespace) {
    Secret existing = client.secrets().inNamespace(namespace).withName(SECRET).get();
    if (existing != null
        && existing.getData() != null
        && existing.getData().containsKey("public-key.pem")) {
      return decode(existing.getData().get("public-key.pem"));
    }
    KeyPair pair = generate();
    String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .withNamespace(namespace)
                .endMetadata()
                .withType("Opaque")
                .withData(
                    Map.of(
                        "private-key.pem",
                            encode(pem("PRIVATE KEY", pair.getPrivate().getEncoded())),
                        "public-key.pem", encode(publicPem)))
                .build())
        .create();
    return publicPem;
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
