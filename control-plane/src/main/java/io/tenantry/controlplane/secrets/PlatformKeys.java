package io.tenantry.controlplane.secrets;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The platform's RSA 2048 signing key pair, kept in the secret store as {@code private-key.pem}
 * (PKCS#8) and {@code public-key.pem} (X.509 SPKI). Generated once, on the first start that finds
 * none.
 */
@Startup
@ApplicationScoped
public class PlatformKeys {

  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";
  private static final Logger LOG = Logger.getLogger(PlatformKeys.class);

  private final SecretStore store;
  private final SecretsConfig config;
  private volatile KeyPair keyPair;

  PlatformKeys(SecretStore store, SecretsConfig config) {
    this.store = store;
    this.config = config;
  }

  @PostConstruct
  void load() {
    String name = config.platformKeyName();
    Map<String, String> stored = store.read(name).orElse(null);
    if (stored == null || !stored.containsKey(PRIVATE_KEY) || !stored.containsKey(PUBLIC_KEY)) {
      KeyPair generated = generate();
      store.write(
          name,
          Map.of(
              PRIVATE_KEY, pem("PRIVATE KEY", generated.getPrivate().getEncoded()),
              PUBLIC_KEY, pem("PUBLIC KEY", generated.getPublic().getEncoded())));
      LOG.infof("generated the platform signing key pair and stored it as %s", name);
      keyPair = generated;
      return;
    }
    keyPair = parse(stored.get(PUBLIC_KEY), stored.get(PRIVATE_KEY));
  }

  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keyPair.getPublic();
  }

  private static KeyPair generate() {
    try {
      return KeyUtils.generateKeyPair(2048);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is unavailable", e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static KeyPair parse(String publicPem, String privatePem) {
    try {
      return new KeyPair(
          KeyUtils.decodePublicKey(publicPem), KeyUtils.decodePrivateKey(privatePem));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the stored platform signing key is not a valid RSA key", e);
    }
  }
}
