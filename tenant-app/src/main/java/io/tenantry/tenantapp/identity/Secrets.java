package io.tenantry.tenantapp.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.tenantry.common.secrets.RandomSecrets;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Password hashing (random tokens and their digests: {@code common.secrets.RandomSecrets}). */
public final class Secrets {

  private static final Logger LOG = Logger.getLogger(Secrets.class);
  private static final int PERMITS = 2;

  /**
   * Argon2id with 7 MiB, 5 iterations, 1 lane: of the configurations OWASP's password storage
   * guidance rates as equally strong (19 MiB × 2 … 7 MiB × 5), the one with the least memory, as
   * every tenant runs its own app. Password4j keeps a zeroed template of that size per parameter
   * set in a static cache and copies it for each hash, so with 19 MiB a single login grew an idle
   * app by some 40 MiB; with 7 MiB it is still a third of the live heap after work, which is why
   * {@link #forgetTemplates()} empties that cache once the app goes idle. Looked up on every use (a
   * map lookup) so that no field of ours keeps a forgotten template alive. Stored hashes carry
   * their parameters and still verify.
   */
  private static Argon2Function argon2() {
    return Argon2Function.getInstance(7168, 5, 1, 32, Argon2.ID);
  }

  /**
   * Each Argon2id hash holds its memory (7 MiB, more for a hash stored with older parameters) while
   * it runs; a burst of logins queues here rather than growing the heap, or running it out.
   */
  static final Semaphore HASHING = new Semaphore(PERMITS, true);

  private Secrets() {}

  public static String hashPassword(String password) {
    return bounded(() -> Password.hash(password).addRandomSalt(16).with(argon2()).getResult());
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

  /**
   * Lets go of password4j's cached Argon2 functions, and with them their block templates (7 MiB
   * each), so that the next full collection can give that memory back; the next hash makes a new
   * template (a few milliseconds of zeroing). Password4j has no API for this, so its private cache
   * is emptied by reflection, once no hash is running (it waits for those that are). Returns
   * whether the cache could be emptied (a password4j without that field only costs the memory;
   * SecretsTest pins the field, so an upgrade that removes it fails the build).
   */
  static boolean forgetTemplates() {
    Map<?, ?> cache = Password4jCache.INSTANCES;
    if (cache == null) {
      return false;
    }
    // Password4j's getInstance reads its cache with containsKey, then get: emptied in between, it
    // would return null. Every lookup here runs holding a HASHING permit, so with all of them held
    // no lookup is in between.
    HASHING.acquireUninterruptibly(PERMITS);
    try {
      cache.clear();
    } finally {
      HASHING.release(PERMITS);
    }
    return true;
  }

  private static <T> T bounded(Supplier<T> hashing) {
    HASHING.acquireUninterruptibly();
    try {
      return hashing.get();
    } finally {
      HASHING.release();
    }
  }

  /** Password4j's private map of Argon2 functions by parameters; null where it is not found. */
  private static final class Password4jCache {
    static final Map<?, ?> INSTANCES = find();

    private static Map<?, ?> find() {
      try {
        Field field = Argon2Function.class.getDeclaredField("INSTANCES");
        field.setAccessible(true);
        return (Map<?, ?>) field.get(null);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warnf("cannot release Argon2 templates when idle (password4j changed): %s", e);
        return null;
      }
    }
  }

  /** Made on first use: a hash of a random password that is then forgotten. */
  private static final class Decoy {
    static final String HASH = hashPassword(RandomSecrets.random(32));
  }
}
