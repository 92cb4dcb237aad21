package io.tenantry.tenantapp.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The app's clock in tests: the real time until a test pins it, and real again after reset. */
@Singleton
public class TestClock extends Clock {

  private volatile Instant pinned;

  public void pin(Instant instant, Duration plus) {
    pinned = instant.plus(plus);
  }

  public void reset() {
    pinned = null;
  }

  @Override
  public Instant instant() {
    Instant at = pinned;
    return at == null ? Instant.now() : at;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the app reads instants only");
  }
}
