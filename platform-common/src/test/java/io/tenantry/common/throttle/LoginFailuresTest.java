package io.tenantry.common.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final LoginFailures failures =
      new LoginFailures(
          new LoginFailures.Limits(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10)), clock);

  @Test
  void theAccountLocksAtItsLimitForTheLockout() {
    failures.failed("ann", "10.0.0.1");
    failures.failed("ann", "10.0.0.2");
    assertThat(failures.lockedFor("ann", "10.0.0.9")).isEmpty();

    failures.failed("ann", "10.0.0.3");

    assertThat(failures.lockedFor("ann", "10.0.0.9")).contains(Duration.ofMinutes(10));
    now = now.plus(Duration.ofMinutes(10));
    assertThat(failures.lockedFor("ann", "10.0.0.9")).isEmpty();
  }

  @Test
  void theAddressLocksForEveryAccountItTries() {
    for (String account : new String[] {"a", "b", "c", "d", "e"}) {
      failures.failed(account, "10.0.0.1");
    }

    assertThat(failures.lockedFor("f", "10.0.0.1")).isPresent();
    assertThat(failures.lockedFor("f", "10.0.0.2")).isEmpty();
  }

  @Test
  void failuresOutsideTheWindowStartAgain() {
    failures.failed("ann", "1");
    failures.failed("ann", "2");
    now = now.plus(Duration.ofMinutes(16));
    failures.failed("ann", "3");

    assertThat(failures.lockedFor("ann", "4")).isEmpty();
  }

  @Test
  void successClearsTheAccountsCount() {
    failures.failed("ann", "1");
    failures.failed("ann", "1");
    failures.succeeded("ann");
    failures.failed("ann", "1");

    assertThat(failures.lockedFor("ann", "2")).isEmpty();
  }

  @Test
  void theRefusalIsA429WithRetryAfterInWholeSeconds() {
    var refusal = LoginFailures.refusal(Duration.ofMillis(1500));

    assertThat(refusal.problem().status()).isEqualTo(429);
    assertThat(refusal.problem().type()).isEqualTo("https://tenantry.io/problems/login-locked");
    assertThat(refusal.retryAfterSeconds()).isEqualTo(2L);
  }
}
