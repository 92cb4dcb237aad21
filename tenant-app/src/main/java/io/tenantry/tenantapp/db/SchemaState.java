package io.tenantry.tenantapp.db;

import io.tenantry.tenantapp.db.ShippedMigrations.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, with one read of Flyway's {@code flyway_schema_history}, whether the schema is current
 * for this version of the app, so that a start with nothing to migrate needs no Flyway at all.
 *
 * <p>Current means what Flyway's migrate would find nothing to do and nothing to refuse in: every
 * shipped migration applied once, successfully, with the version, description, type and checksum
 * Flyway validates; no failed row anywhere; and nothing else applied except migrations newer than
 * the newest shipped one (a later release's, accepted as Flyway's {@code *:future} pattern accepts
 * them during a rollout or after a rollback). Anything else, however harmless it may be, is left to
 * Flyway, which then migrates or fails with its own errors.
 */
public final class SchemaState {

  static final String TABLE = "flyway_schema_history";

  private SchemaState() {}

  public static boolean isCurrent(Connection connection, List<Migration> shipped)
      throws SQLException {
    if (shipped.isEmpty() || !historyExists(connection)) {
      return false;
    }
    String newest = shipped.getLast().version();
    Map<String, Applied> applied = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, description, type, checksum, success FROM " + TABLE)) {
      while (rows.next()) {
        Applied row =
            new Applied(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                (Integer) rows.getObject(4),
                rows.getBoolean(5));
        if (!row.success() || row.version() == null) {
          return false; // a failed migration, or a repeatable one (none shipped): Flyway's call
        }
        if (isFuture(row.version(), newest)) {
          continue;
        }
        if (applied.put(row.version(), row) != null) {
          return false;
        }
      }
    }
    return applied.size() == shipped.size()
        && shipped.stream()
            .allMatch(migration -> matches(applied.get(migration.version()), migration));
  }

  private static boolean historyExists(Connection connection) throws SQLException {
    // to_regclass resolves the name as Flyway does: in the connection's schema (search_path)
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
      return row.next() && row.getBoolean(1);
    }
  }

  private static boolean isFuture(String version, String newest) {
    try {
      return ShippedMigrations.compareVersions(version, newest) > 0;
    } catch (NumberFormatException notFlywaysVersion) {
      return false; // counted as applied: matches nothing shipped, so not current
    }
  }

  private static boolean matches(Applied row, Migration migration) {
    return row != null
        && row.type().equals("SQL")
        && row.description().equals(migration.description())
        && Objects.equals(row.checksum(), migration.checksum());
  }

  private record Applied(
      String version, String description, String type, Integer checksum, boolean success) {}
}
