package io.tenantry.controlplane.signin;

import io.tenantry.controlplane.redis.RedisFallback;
import java.time.Duration;
import java.util.Optional;

/**
 * Redis throttling that keeps counting in process memory while Redis is unreachable, so an outage
 * neither fails sign-in nor lifts the throttle. A lock set during the outage outlives it: the
 * in-process throttle is asked as well, whether Redis answers or not.
 */
class FallbackLoginThrottle implements LoginThrottle {

  private final LoginThrottle redis;
  private final LoginThrottle local;
  private final RedisFallback fallback;

  FallbackLoginThrottle(LoginThrottle redis, LoginThrottle local) {
    this.redis = redis;
    this.local = local;
    this.fallback = new RedisFallback("login throttling", () -> {});
  }

  @Override
  public Optional<Duration> lockedFor(String account, String address) {
    Optional<Duration> shared =
        fallback.call(() -> redis.lockedFor(account, address), Optional::empty);
    Optional<Duration> here = local.lockedFor(account, address);
    if (shared.isEmpty()) {
      return here;
    }
    return here.isPresent() && here.get().compareTo(shared.get()) > 0 ? here : shared;
  }

  @Override
  public void failed(String account, String address) {
    fallback.run(() -> redis.failed(account, address), () -> local.failed(account, address));
  }

  @Override
  public void succeeded(String account) {
    local.succeeded(account);
    fallback.run(() -> redis.succeeded(account), () -> {});
  }

  @Override
  public void clear() {
    local.clear();
    fallback.run(redis::clear, () -> {});
  }

  boolean degraded() {
    return fallback.degraded();
  }
}
