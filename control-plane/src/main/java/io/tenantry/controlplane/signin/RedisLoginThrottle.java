package io.tenantry.controlplane.signin;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;
import java.util.Optional;

/** Login throttling kept in Redis, so that every control plane instance sees the same counts. */
class RedisLoginThrottle implements LoginThrottle {

  private static final String PREFIX = "tenantry:login:";

  /**
   * INCR and, for the first failure, PEXPIRE in one step: a crash between the two separate commands
   * would leave a counter that never expires and locks its account or address for good.
   */
  private static final String INCREMENT_WITH_EXPIRY =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
          + "return n";

  private final RedisDataSource redis;
  private final ValueCommands<String, Long> values;
  private final KeyCommands<String> keys;
  private final AuthConfig config;

  RedisLoginThrottle(RedisDataSource redis, AuthConfig config) {
    this.redis = redis;
    this.values = redis.value(Long.class);
    this.keys = redis.key();
    this.config = config;
  }

  @Override
  public Optional<Duration> lockedFor(String account, String address) {
    long ttl = Math.max(pttl(lockKey("account", account)), pttl(lockKey("address", address)));
    return ttl > 0 ? Optional.of(Duration.ofMillis(ttl)) : Optional.empty();
  }

  @Override
  public void failed(String account, String address) {
    count("account", account, config.maxAccountFailures());
    count("address", address, config.maxAddressFailures());
  }

  @Override
  public void succeeded(String account) {
    keys.del(failKey("account", account));
  }

  /** SCAN walks the keyspace in steps; KEYS would block Redis for every client at once. */
  @Override
  public void clear() {
    keys.scan(new KeyScanArgs().match(PREFIX + "*").count(500)).toIterable().forEach(keys::del);
  }

  /**
   * Milliseconds to live; negative when the key is absent (PTTL answers -2 rather than failing).
   */
  private long pttl(String key) {
    return redis.execute("PTTL", key).toLong();
  }

  private void count(String kind, String subject, int max) {
    String failKey = failKey(kind, subject);
    long failures =
        redis
            .execute(
                "EVAL",
                INCREMENT_WITH_EXPIRY,
                "1",
                failKey,
                String.valueOf(config.failureWindow().toMillis()))
            .toLong();
    if (failures >= max) {
      values.set(lockKey(kind, subject), failures, new SetArgs().px(config.lockout()));
      keys.del(failKey);
    }
  }

  private static String failKey(String kind, String subject) {
    return PREFIX + "fail:" + kind + ":" + subject;
  }

  private static String lockKey(String kind, String subject) {
    return PREFIX + "lock:" + kind + ":" + subject;
  }
}
