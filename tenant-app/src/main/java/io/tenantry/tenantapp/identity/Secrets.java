package io.tenantry.tenantapp.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.tenantry.common.secrets.RandomSecrets;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** Password hashing (random tokens and their digests: {@code common.secrets.RandomSecrets}). */
public final class Secrets {

  /**
   * Argon2id with 7 MiB, 5 iterations, 1 lane: of the configurations OWASP's password storage
   * guidance rates as equally strong (19 MiB × 2 … 7 MiB × 5), the one with the least memory, as
   * every tenant runs its own app. Password4j keeps a zeroed template of that size per parameter
   * set for as long as the JVM runs and copies it for each hash, so with 19 MiB a single login grew
   * an idle app by some 40 MiB. Stored hashes carry their parameters and still verify.
   */
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(7168, 5, 1, 32, Argon2.ID);

  /**
   * Each Argon2id hash holds its memory (7 MiB, more for a hash stored with older parameters) while
   * it runs; a burst of logins queues here rather than growing the heap, or running it out.
   */
  static final Semaphore HASHING = new Semaphore(2, true);

  private Secrets() {}

  public static String hashPassword(String password) {
    return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
  }

  /**
   * Whether {@code password} is the one {@code hash} was made from. Without a hash (an unknown
   * user) the password is checked against a hash of nothing anyone knows, so the answer takes as
   * long either way and its timing does not tell which accounts exist.
   */
  public static boolean passwordMatches(String password, String hash) {
    String against = hash != null ? hash : Decoy.HASH;
    boolean matches =
        bounded(
            () ->
                Password.check(password, against)
                    .with(Argon2Function.getInstanceFromHash(against)));
    return hash != null && matches;
  }

  private static <T> T bounded(Supplier<T> hashing) {
    HASHING.acquireUninterruptibly();
    try {
      return hashing.get();
    } finally {
      HASHING.release();
    }
  }

  /** Made on first use: a hash of a random password that is then forgotten. */
  private static final class Decoy {
    static final String HASH = hashPassword(RandomSecrets.random(32));
  }
}
