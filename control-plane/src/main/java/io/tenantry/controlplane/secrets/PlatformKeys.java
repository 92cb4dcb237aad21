package io.tenantry.controlplane.secrets;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.keys.EllipticCurves;

/**
 * The platform's signing key pair, kept in the secret store as {@code private-key.pem} (PKCS#8) and
 * {@code public-key.pem} (X.509 SPKI). Generated once, on the first start that finds none, as EC
 * P-256: the control plane signs a fresh service token for every call to a tenant app, and a P-256
 * signature costs a fraction of an RSA-2048 one. The algorithm follows the key: an RSA key stored
 * by an earlier version keeps working and signs RS256, so existing installs need no key rotation.
 */
@Startup
@ApplicationScoped
public class PlatformKeys {

  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";
  private static final Logger LOG = Logger.getLogger(PlatformKeys.class);
  private static final List<SignatureAlgorithm> STORABLE =
      List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256);

  private final SecretStore store;
  private final SecretsConfig config;
  private volatile KeyPair keyPair;
  private volatile SignatureAlgorithm algorithm;

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
      LOG.infof("generated the platform signing key pair (EC P-256) and stored it as %s", name);
      use(generated);
      return;
    }
    use(parse(stored.get(PUBLIC_KEY), stored.get(PRIVATE_KEY)));
  }

  private void use(KeyPair pair) {
    algorithm = algorithmOf(pair.getPublic());
    keyPair = pair;
  }

  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /** The one algorithm this key signs with and its tokens are verified with. */
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** Key type → JWS algorithm; the only place that decides it. */
  static SignatureAlgorithm algorithmOf(PublicKey key) {
    if (key instanceof ECPublicKey ec
        && EllipticCurves.P_256.equals(EllipticCurves.getName(ec.getParams().getCurve()))) {
      return SignatureAlgorithm.ES256;
    }
    if (key instanceof RSAPublicKey) {
      return SignatureAlgorithm.RS256;
    }
    throw new IllegalStateException(
        "the platform signing key must be EC P-256 or RSA, not " + key.getAlgorithm());
  }

  private static KeyPair generate() {
    try {
      // 256 bits selects the NIST P-256 curve (secp256r1), the curve ES256 requires
      return KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is unavailable", e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Decodes the stored PEMs as whichever key type they hold. */
  private static KeyPair parse(String publicPem, String privatePem) {
    IllegalStateException invalid =
        new IllegalStateException("the stored platform signing key is not a valid EC or RSA key");
    for (SignatureAlgorithm candidate : STORABLE) {
      try {
        return new KeyPair(
            KeyUtils.decodePublicKey(publicPem, candidate),
            KeyUtils.decodePrivateKey(privatePem, candidate));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        invalid.addSuppressed(e); // not this key type; the next may fit
      }
    }
    throw invalid;
  }
}
