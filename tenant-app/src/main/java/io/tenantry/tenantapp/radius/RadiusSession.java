package io.tenantry.tenantapp.radius;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * One RADIUS accounting session, a row of {@code radius_sessions}; active while {@code endedAt} is
 * null.
 */
public class RadiusSession {

  static final Table<RadiusSession> TABLE =
      new Table<>(
          "radius_sessions",
          "session",
          "id, username, nas_ip, started_at, ended_at, bytes_in, bytes_out, terminate_cause",
          RadiusSession::read);

  public UUID id;
  public String username;
  public String nasIp;
  public Instant startedAt;
  public Instant endedAt;
  public long bytesIn;
  public long bytesOut;
  public String terminateCause;

  private static RadiusSession read(ResultSet row) throws SQLException {
    RadiusSession s = new RadiusSession();
    s.id = Db.uuid(row, "id");
    s.username = row.getString("username");
    s.nasIp = row.getString("nas_ip");
    s.startedAt = Db.instant(row, "started_at");
    s.endedAt = Db.instant(row, "ended_at");
    s.bytesIn = row.getLong("bytes_in");
    s.bytesOut = row.getLong("bytes_out");
    s.terminateCause = row.getString("terminate_cause");
    return s;
  }
}
