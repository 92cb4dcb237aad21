package io.tenantry.controlplane.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushBackoffTest {

  private final PushBackoff backoff = new PushBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

  @Test
  void theFirstRetryWaitsOneIntervalAndEachFurtherFailureDoublesTheWait() {
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void theWaitStopsGrowingAtTheCeiling() {
    assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aTenantThatNeverFailedDoesNotWait() {
    assertThat(backoff.delayAfter(0)).isEqualTo(Duration.ZERO);
  }
}
