package io.tenantry.operator.rollout;

import java.util.Optional;
import java.util.OptionalDouble;

/** A tenant app's own health signals, read while the tenant soaks on a new version. */
public interface TenantSignals {

  /** The tenant's signals now; empty when they cannot be read (no evidence either way). */
  Optional<Signals> read(String tenant);

  /**
   * What the app's HTTP server measured since it started (so, on a fresh pod, since the update).
   *
   * @param errorRatio share of requests answered with a 5xx, 0 when there were none
   * @param p99Millis 99th percentile of request latency; empty without requests
   */
  record Signals(double errorRatio, OptionalDouble p99Millis) {}
}
