package io.tenantry.common.throttle;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted in process memory, per account and per client address: either is locked
 * once it has failed {@code max…Failures} times within the window. For a service that runs as one
 * instance (a tenant app) or as the fallback when no shared store is configured; counts are lost on
 * restart.
 */
public final class LoginFailures {

  /** How many failures lock, within which window, and for how long. */
  public record Limits(
      int maxAccountFailures, int maxAddressFailures, Duration window, Duration lockout) {}

  private record Window(int failures, Instant startedAt) {}

  private final Map<String, Window> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> locks = new ConcurrentHashMap<>();
  private final Limits limits;
  private final Clock clock;

  public LoginFailures(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** How long the account or the address stays locked (the longer of the two); empty if neither. */
  public Optional<Duration> lockedFor(String account, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : new String[] {"account:" + account, "address:" + address}) {
      Instant until = locks.get(key);
      if (until != null && Duration.between(now, until).compareTo(longest) > 0) {
        longest = Duration.between(now, until);
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  public void failed(String account, String address) {
    count("account:" + account, limits.maxAccountFailures());
    count("address:" + address, limits.maxAddressFailures());
  }

  /** A successful sign-in clears the account's failures; the address keeps its count. */
  public void succeeded(String account) {
    failures.remove("account:" + account);
  }

  /** Forgets everything: counters and locks. */
  public void clear() {
    failures.clear();
    locks.clear();
  }

  /** The 429 for a locked account or address, with {@code Retry-After} in whole seconds. */
  public static ProblemException refusal(Duration locked) {
    long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
    return new ProblemException(
        Problem.of(
            429,
            "login-locked",
            "Too many failed logins",
            "too many failed logins; try again in " + seconds + " seconds"),
        seconds);
  }

  private void count(String key, int max) {
    Instant now = clock.instant();
    Window window =
        failures.compute(
            key,
            (k, current) ->
                current == null || current.startedAt().plus(limits.window()).isBefore(now)
                    ? new Window(1, now)
                    : new Window(current.failures() + 1, current.startedAt()));
    if (window.failures() >= max) {
      locks.put(key, now.plus(limits.lockout()));
      failures.remove(key);
    }
  }
}
