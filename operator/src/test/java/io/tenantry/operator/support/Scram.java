package io.tenantry.operator.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a password against a role's SCRAM-SHA-256 verifier (RFC 5802). The build server trusts
 * every local connection, so logging in proves nothing about the password; the verifier does.
 */
public final class Scram {

  private Scram() {}

  public static boolean passwordMatches(String role, String password) throws Exception {
    String verifier = verifierOf(role);
    if (verifier == null || !verifier.startsWith("SCRAM-SHA-256$")) {
      return false;
    }
    String[] parts = verifier.substring("SCRAM-SHA-256$".length()).split("[$:]");
    int iterations = Integer.parseInt(parts[0]);
    byte[] salt = Base64.getDecoder().decode(parts[1]);
    byte[] storedKey = Base64.getDecoder().decode(parts[2]);
    byte[] salted =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
            .getEncoded();
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
    byte[] clientKey = hmac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(clientKey);
    return MessageDigest.isEqual(expected, storedKey);
  }

  private static String verifierOf(String role) throws Exception {
    try (Connection connection = Sql.admin();
        PreparedStatement query =
            connection.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
