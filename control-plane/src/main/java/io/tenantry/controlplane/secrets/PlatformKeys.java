package io.tenantry.controlplane.secrets;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.tenantry.common.keys.KeyPairs;
import io.tenantry.common.keys.Pem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

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

  /**
   * Public keys of retired pairs still trusted during a rotation's overlap, as PEM blocks one after
   * the other; put there by whoever rotates the key (docs/operations.md, "Rotate signing keys").
   */
  static final String PREVIOUS_PUBLIC_KEYS = "previous-public-keys.pem";

  private static final Logger LOG = Logger.getLogger(PlatformKeys.class);

  private final SecretStore store;
  private final SecretsConfig config;
  private volatile KeyPair keyPair;
  private volatile SignatureAlgorithm algorithm;
  private volatile String previousPublicKeys = "";

  PlatformKeys(SecretStore store, SecretsConfig config) {
    this.store = store;
    this.config = config;
  }

  @PostConstruct
  void load() {
    String name = config.platformKeyName();
    Map<String, String> stored = store.read(name).orElse(null);
    if (!complete(stored)) {
      stored = createOnce(name);
    }
    use(parse(stored.get(PUBLIC_KEY), stored.get(PRIVATE_KEY)));
    previousPublicKeys = stored.getOrDefault(PREVIOUS_PUBLIC_KEYS, "").strip();
  }

  /**
   * Generates a key pair and stores it only if no other replica stored one first, then uses
   * whatever the store holds: two replicas starting on an empty store end up with the same key.
   */
  private Map<String, String> createOnce(String name) {
    KeyPair generated = KeyPairs.newEcP256();
    Map<String, String> values =
        Map.of(
            PRIVATE_KEY, Pem.encode(Pem.PRIVATE_KEY, generated.getPrivate().getEncoded()),
            PUBLIC_KEY, Pem.encode(Pem.PUBLIC_KEY, generated.getPublic().getEncoded()));
    if (store.createIfAbsent(name, values)) {
      LOG.infof("generated the platform signing key pair (EC P-256) and stored it as %s", name);
    } else {
      LOG.infof("another replica stored the platform signing key %s first; using that one", name);
    }
    Map<String, String> stored = store.read(name).orElse(null);
    if (!complete(stored)) {
      throw new IllegalStateException(
          "the platform signing key "
              + name
              + " exists but lacks "
              + PRIVATE_KEY
              + " or "
              + PUBLIC_KEY);
    }
    return stored;
  }

  private static boolean complete(Map<String, String> stored) {
    return stored != null && stored.containsKey(PRIVATE_KEY) && stored.containsKey(PUBLIC_KEY);
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

  /**
   * Every public key a verifier should trust now, as PEM blocks: the current one first, then the
   * retired ones of {@value #PREVIOUS_PUBLIC_KEYS}.
   */
  public String publicKeyBundle() {
    String current = Pem.encode(Pem.PUBLIC_KEY, publicKey().getEncoded());
    return previousPublicKeys.isEmpty() ? current : current + previousPublicKeys + "\n";
  }

  /**
   * The keys whose signatures are accepted now: the current one first, then the retired ones of
   * {@value #PREVIOUS_PUBLIC_KEYS}, trusted until whoever rotates removes them (the overlap's end).
   */
  public List<PublicKey> trustedPublicKeys() {
    String previous = previousPublicKeys;
    List<PublicKey> trusted = new ArrayList<>();
    trusted.add(publicKey());
    if (!previous.isEmpty()) {
      try {
        trusted.addAll(Pem.publicKeys(previous));
      } catch (InvalidKeyException e) {
        LOG.errorf("ignored %s: it holds no valid public key (%s)", PREVIOUS_PUBLIC_KEYS, e);
      }
    }
    return List.copyOf(trusted);
  }

  /** The one algorithm this key signs with and its tokens are verified with. */
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** Key type → JWS algorithm, as {@link KeyPairs} decides it for every module. */
  public static SignatureAlgorithm algorithmOf(PublicKey key) {
    try {
      return SignatureAlgorithm.fromAlgorithm(KeyPairs.jwsAlgorithm(key));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the platform signing key is unusable: " + e.getMessage(), e);
    }
  }

  /** Decodes the stored PEMs as whichever key type they hold. */
  private static KeyPair parse(String publicPem, String privatePem) {
    try {
      return new KeyPair(Pem.publicKey(publicPem), Pem.privateKey(privatePem));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(
          "the stored platform signing key is not a valid EC or RSA key", e);
    }
  }
}
