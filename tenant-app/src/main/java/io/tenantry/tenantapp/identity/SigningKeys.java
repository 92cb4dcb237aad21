package io.tenantry.tenantapp.identity;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.tenantry.common.keys.KeyPairs;
import io.tenantry.common.keys.Pem;
import io.tenantry.tenantapp.config.TenantConfig;
import io.tenantry.tenantapp.keys.JwsKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.jboss.logging.Logger;

/**
 * This tenant's key pair for staff tokens, from {@code tenantry.tenant.signing-key-dir} (the
 * operator's Secret): EC P-256 (ES256), or RSA (RS256) where the operator generated the Secret
 * before it switched to EC; the tokens follow the key. A local run without one gets an EC pair
 * generated at first start and kept in that dir.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";
  private static final Logger LOG = Logger.getLogger(SigningKeys.class);

  private final PrivateKey privateKey;
  private final JwsKey publicKey;

  SigningKeys(TenantConfig config) throws IOException, GeneralSecurityException {
    Path dir =
        config.signingKeyDir().isPresent()
            ? config.signingKeyDir().get()
            : Files.createTempDirectory("tenantry-signing-");
    Path privatePem = dir.resolve(PRIVATE_KEY);
    Path publicPem = dir.resolve(PUBLIC_KEY);
    if (!Files.exists(privatePem) && !Files.exists(publicPem)) {
      generate(dir, privatePem, publicPem);
    }
    publicKey = JwsKey.decode(Files.readString(publicPem));
    privateKey = Pem.privateKey(Files.readString(privatePem));
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey.key();
  }

  /** The algorithm staff tokens are signed and verified with: the one the key is for. */
  public SignatureAlgorithm algorithm() {
    return publicKey.algorithm();
  }

  private static void generate(Path dir, Path privatePem, Path publicPem)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPair pair = KeyPairs.newEcP256();
    Files.createFile(
        privatePem,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(privatePem, Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded()));
    Files.writeString(publicPem, Pem.encode(Pem.PUBLIC_KEY, pair.getPublic().getEncoded()));
    LOG.infof("no signing key found: generated a new EC P-256 key pair in %s", dir);
  }
}
