package io.tenantry.controlplane.licensing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The licensing clock in tests: the real time until a test fixes it. */
@Singleton
public class TestClock extends Clock {

  private volatile Instant fixed;

  /** Stops time at {@code instant}. */
  public void set(Instant instant) {
    fixed = instant;
  }

  /** Back to the real time. */
  public void reset() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
