package io.tenantry.controlplane.signin;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;
import java.util.Optional;

/** Login throttling kept in Redis, so that every control plane instance sees the same counts. */
class RedisLoginThrottle implements LoginThrottle {

  private static final String PREFIX = "tenantry:login:";

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

  @Override
  public void clear() {
    keys.keys(PREFIX + "*").forEach(keys::del);
  }

  /**
   * Milliseconds to live; negative when the key is absent (PTTL answers -2 rather than failing).
   */
  private long pttl(String key) {
    return redis.execute("PTTL", key).toLong();
  }

  private void count(String kind, String subject, int max) {
    String failKey = failKey(kind, subject);
    long failures = values.incr(failKey);
    if (failures == 1) {
      keys.pexpire(failKey, config.failureWindow().toMillis());
    }
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
