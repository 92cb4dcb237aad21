package io.tenantry.tenantapp.radius;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.UUID;

/** What clients send and receive for RADIUS sessions. */
public final class RadiusDtos {

  private RadiusDtos() {}

  /** Accounting-Start. */
  public record SessionStart(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._@-]{3,64}",
              message = "must be 3-64 of letters, digits and . _ @ -")
          String username,
      @NotBlank String nasIp) {}

  /** Interim-Update: the counters so far. */
  public record SessionUsage(@PositiveOrZero long bytesIn, @PositiveOrZero long bytesOut) {}

  public record SessionView(
      UUID id,
      String username,
      String nasIp,
      Instant startedAt,
      Instant endedAt,
      long bytesIn,
      long bytesOut,
      String terminateCause,
      boolean active) {

    static SessionView of(RadiusSession s) {
      return new SessionView(
          s.id,
          s.username,
          s.nasIp,
          s.startedAt,
          s.endedAt,
          s.bytesIn,
          s.bytesOut,
          s.terminateCause,
          s.endedAt == null);
    }
  }
}
