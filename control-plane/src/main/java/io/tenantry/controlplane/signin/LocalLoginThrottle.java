package io.tenantry.controlplane.signin;

import io.tenantry.common.throttle.LoginFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Login throttling in process memory, for single-instance local runs without Redis: the counting
 * the tenant app uses too ({@link LoginFailures}). Counts are not shared between instances and are
 * lost on restart.
 */
class LocalLoginThrottle implements LoginThrottle {

  private final LoginFailures failures;

  LocalLoginThrottle(AuthConfig config, Clock clock) {
    this.failures =
        new LoginFailures(
            new LoginFailures.Limits(
                config.maxAccountFailures(),
                config.maxAddressFailures(),
                config.failureWindow(),
                config.lockout()),
            clock);
  }

  @Override
  public Optional<Duration> lockedFor(String account, String address) {
    return failures.lockedFor(account, address);
  }

  @Override
  public void failed(String account, String address) {
    failures.failed(account, address);
  }

  @Override
  public void succeeded(String account) {
    failures.succeeded(account);
  }

  @Override
  public void clear() {
    failures.clear();
  }
}
