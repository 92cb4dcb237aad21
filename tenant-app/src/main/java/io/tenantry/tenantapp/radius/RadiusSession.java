package io.tenantry.tenantapp.radius;

import static io.tenantry.tenantapp.db.Column.Reader.BIGINT;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One RADIUS accounting session, a row of {@code radius_sessions}; active while {@code endedAt} is
 * null.
 */
public class RadiusSession {

  static final Table<RadiusSession> TABLE =
      Table.of("radius_sessions", "session", RadiusSession::new)
          .key("id", s -> s.id, (s, v) -> s.id = v)
          .fixed("username", TEXT, s -> s.username, (s, v) -> s.username = v)
          .fixed("nas_ip", TEXT, s -> s.nasIp, (s, v) -> s.nasIp = v)
          .fixed("started_at", TIMESTAMP, s -> s.startedAt, (s, v) -> s.startedAt = v)
          .column("ended_at", TIMESTAMP, s -> s.endedAt, (s, v) -> s.endedAt = v)
          .column("bytes_in", BIGINT, s -> s.bytesIn, (s, v) -> s.bytesIn = v)
          .column("bytes_out", BIGINT, s -> s.bytesOut, (s, v) -> s.bytesOut = v)
          .column("terminate_cause", TEXT, s -> s.terminateCause, (s, v) -> s.terminateCause = v)
          .build();

  public UUID id;
  public String username;
  public String nasIp;
  public Instant startedAt;
  public Instant endedAt;
  public long bytesIn;
  public long bytesOut;
  public String terminateCause;
}
