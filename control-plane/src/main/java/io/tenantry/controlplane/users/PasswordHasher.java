package io.tenantry.controlplane.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 iterations, 1 lane). */
public final class PasswordHasher {

  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  /** Checked against when the account does not exist, so timing does not reveal that. */
  private static final String DUMMY = hash("not-a-real-password-0000");

  private PasswordHasher() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public static boolean matches(String password, String hash) {
    String stored = hash == null ? DUMMY : hash;
    boolean ok = Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
    return hash != null && ok;
  }
}
