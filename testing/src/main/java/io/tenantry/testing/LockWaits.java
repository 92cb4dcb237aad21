package io.tenantry.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Sessions of the current database waiting for a lock: lets a test that holds a row lock know that
 * the request it started has reached the row, instead of sleeping and hoping.
 */
public final class LockWaits {

  private LockWaits() {}

  /**
   * How many sessions wait for a lock while running a statement that starts with {@code prefix}.
   */
  public static long waiting(DataSource dataSource, String prefix) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database() AND query ILIKE ? || '%'")) {
      s.setString(1, prefix);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
