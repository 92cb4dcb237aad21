package io.tenantry.tenantapp.identity;

import io.tenantry.tenantapp.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, a row of {@code refresh_tokens} stored as its SHA-256; each use consumes it and
 * issues the next.
 */
record RefreshToken(UUID id, UUID staffUserId, Instant expiresAt) {

  static RefreshToken read(ResultSet row) throws SQLException {
    return new RefreshToken(
        Db.uuid(row, "id"), Db.uuid(row, "staff_user_id"), Db.instant(row, "expires_at"));
  }
}
