package io.tenantry.controlplane.signin;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.throttle.LoginFailures;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address and locks either once it has failed too
 * often within the window.
 */
public interface LoginThrottle {

  /** How long the account or the address stays locked; empty when neither is. */
  Optional<Duration> lockedFor(String account, String address);

  void failed(String account, String address);

  /** A successful login clears the account's failures; the address keeps its count. */
  void succeeded(String account);

  /** Forgets everything: counters and locks. */
  void clear();

  /** The 429 for a locked account or address, with {@code Retry-After} in whole seconds. */
  static ProblemException refusal(Duration locked) {
    return LoginFailures.refusal(locked);
  }
}
