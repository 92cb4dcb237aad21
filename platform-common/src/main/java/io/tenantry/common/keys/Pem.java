package io.tenantry.common.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text as OpenSSL writes it (base64 in lines of 64 characters between armour lines), and the
 * keys in it: X.509 SPKI {@code PUBLIC KEY} and PKCS#8 {@code PRIVATE KEY}, EC or RSA. A text may
 * hold several blocks (a key set during a rotation).
 */
public final class Pem {

  public static final String PUBLIC_KEY = "PUBLIC KEY";
  public static final String PRIVATE_KEY = "PRIVATE KEY";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA");

  private Pem() {}

  /** {@code type} is what the armour names, e.g. {@link #PUBLIC_KEY}. */
  public static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The DER content of every block of {@code type} in {@code text}, in order. */
  public static List<byte[]> blocks(String text, String type) {
    List<byte[]> found = new ArrayList<>();
    Matcher block = BLOCK.matcher(text);
    while (block.find()) {
      if (block.group(1).equals(type)) {
        found.add(Base64.getMimeDecoder().decode(block.group(2)));
      }
    }
    return found;
  }

  /** Every public key in {@code text}; refuses a text with none or with one that is not a key. */
  public static List<PublicKey> publicKeys(String text) throws InvalidKeyException {
    List<byte[]> blocks = blocks(text, PUBLIC_KEY);
    if (blocks.isEmpty()) {
      throw new InvalidKeyException("no PEM block of type " + PUBLIC_KEY);
    }
    List<PublicKey> keys = new ArrayList<>();
    for (byte[] der : blocks) {
      keys.add(publicKey(der));
    }
    return keys;
  }

  /** The one public key in {@code text}, EC or RSA. */
  public static PublicKey publicKey(String text) throws InvalidKeyException {
    List<PublicKey> keys = publicKeys(text);
    if (keys.size() != 1) {
      throw new InvalidKeyException("expected one public key, found " + keys.size());
    }
    return keys.getFirst();
  }

  /** The first private key in {@code text}, EC or RSA. */
  public static PrivateKey privateKey(String text) throws InvalidKeyException {
    List<byte[]> blocks = blocks(text, PRIVATE_KEY);
    if (blocks.isEmpty()) {
      throw new InvalidKeyException("no PEM block of type " + PRIVATE_KEY);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm)
            .generatePrivate(new PKCS8EncodedKeySpec(blocks.getFirst()));
      } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
        // not this key type; the next may fit
      }
    }
    throw new InvalidKeyException("not an EC or RSA private key");
  }

  private static PublicKey publicKey(byte[] der) throws InvalidKeyException {
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
        // not this key type; the next may fit
      }
    }
    throw new InvalidKeyException("not an EC or RSA public key");
  }
}
