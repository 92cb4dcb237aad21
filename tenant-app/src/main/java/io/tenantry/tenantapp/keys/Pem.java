package io.tenantry.tenantapp.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text as OpenSSL and the operator write it: base64 in lines of 64 characters. */
public final class Pem {

  private Pem() {}

  /**
   * {@code type} is what the armour names: {@code PUBLIC KEY} (X.509 SPKI), {@code PRIVATE KEY}.
   */
  public static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
