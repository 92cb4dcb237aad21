package io.tenantry.controlplane.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login throttling in process memory, for single-instance local runs without Redis. Counts are not
 * shared between instances and are lost on restart.
 */
class LocalLoginThrottle implements LoginThrottle {

  private record Window(int failures, Instant startedAt) {}

  private final Map<String, Window> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> locks = new ConcurrentHashMap<>();
  private final AuthConfig config;
  private final Clock clock;

  LocalLoginThrottle(AuthConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Optional<Duration> lockedFor(String account, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : new String[] {"account:" + account, "address:" + address}) {
      Instant until = locks.get(key);
      if (until != null
          && until.isAfter(now)
          && Duration.between(now, until).compareTo(longest) > 0) {
        longest = Duration.between(now, until);
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  @Override
  public void failed(String account, String address) {
    count("account:" + account, config.maxAccountFailures());
    count("address:" + address, config.maxAddressFailures());
  }

  @Override
  public void succeeded(String account) {
    failures.remove("account:" + account);
  }

  @Override
  public void clear() {
    failures.clear();
    locks.clear();
  }

  private void count(String key, int max) {
    Instant now = clock.instant();
    Window window =
        failures.compute(
            key,
            (k, current) ->
                current == null || current.startedAt().plus(config.failureWindow()).isBefore(now)
                    ? new Window(1, now)
                    : new Window(current.failures() + 1, current.startedAt()));
    if (window.failures() >= max) {
      locks.put(key, now.plus(config.lockout()));
      failures.remove(key);
    }
  }
}
