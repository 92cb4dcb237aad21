package io.tenantry.tenantapp.identity;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.tenantapp.config.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * This tenant's RSA key pair, from {@code tenantry.tenant.signing-key-dir} (the operator's Secret).
 * A local run without one gets a pair generated at first start and kept in that dir.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";
  private static final Logger LOG = Logger.getLogger(SigningKeys.class);

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

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
    privateKey = KeyUtils.decodePrivateKey(Files.readString(privatePem));
    publicKey = KeyUtils.decodePublicKey(Files.readString(publicPem));
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  private static void generate(Path dir, Path privatePem, Path publicPem)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.createFile(
        privatePem,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    LOG.infof("no signing key found: generated a new RSA 2048 key pair in %s", dir);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
