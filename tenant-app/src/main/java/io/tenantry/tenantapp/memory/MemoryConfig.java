package io.tenantry.tenantapp.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When an idle tenant app gives back the heap its last burst of work grew ({@link IdleHeap}). */
@ConfigMapping(prefix = "tenantry.memory")
public interface MemoryConfig {

  /**
   * Quiet time (no request but probes and metrics scrapes) after which the heap is collected and
   * shrunk once; zero turns the release off.
   */
  @WithDefault("20s")
  Duration idleRelease();
}
