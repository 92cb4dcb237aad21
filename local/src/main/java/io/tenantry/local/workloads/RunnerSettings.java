package io.tenantry.local.workloads;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the local runner runs workloads.
 *
 * @param images the image repositories it can run
 * @param pods where pod folders (projected volumes, temporary files) go: {@code .tenantry/pods}
 * @param logs where each app's log goes, as {@code <tenant slug>.log}
 * @param extraEnvironment set on every app on top of its container's environment (local-only
 *     switches such as the demo-data endpoint)
 * @param initialBackOff first wait before restarting a crashed app; doubles up to {@code
 *     maxBackOff}
 * @param maxBackOff longest wait between restarts
 */
public record RunnerSettings(
    Images images,
    Path pods,
    Path logs,
    Map<String, String> extraEnvironment,
    Duration initialBackOff,
    Duration maxBackOff) {

  /** The kubelet's own back-off: 10 s doubling up to 5 min. */
  public static RunnerSettings kubeletLike(
      Images images, Path pods, Path logs, Map<String, String> extraEnvironment) {
    return new RunnerSettings(
        images, pods, logs, extraEnvironment, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  Duration backOff(int consecutiveCrashes) {
    Duration wait = initialBackOff;
    for (int i = 1; i < consecutiveCrashes && wait.compareTo(maxBackOff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
  }
}
