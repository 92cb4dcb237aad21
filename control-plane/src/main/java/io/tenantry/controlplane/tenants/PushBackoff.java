package io.tenantry.controlplane.tenants;

import java.time.Duration;

/**
 * How long a tenant whose cluster write failed waits before the next try: doubling from the push
 * interval up to a ceiling, so a tenant the cluster keeps refusing costs little and a brief outage
 * heals within one interval.
 */
record PushBackoff(Duration first, Duration ceiling) {

  Duration delayAfter(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    // 2^20 intervals already exceed any sensible ceiling; capping the shift avoids overflow
    long factor = 1L << Math.min(failures - 1, 20);
    Duration delay = first.multipliedBy(factor);
    return delay.compareTo(ceiling) > 0 ? ceiling : delay;
  }
}
