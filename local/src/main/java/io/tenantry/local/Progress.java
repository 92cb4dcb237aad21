package io.tenantry.local;

import java.time.Duration;
import java.time.Instant;

/** One line per start-up step on the console, with the time since the launcher started. */
final class Progress {

  private static final Instant BEGAN = Instant.now();

  private Progress() {}

  static void step(String what) {
    long seconds = Duration.between(BEGAN, Instant.now()).toSeconds();
    System.out.printf("[%3ds] %s%n", seconds, what);
    System.out.flush();
  }
}
