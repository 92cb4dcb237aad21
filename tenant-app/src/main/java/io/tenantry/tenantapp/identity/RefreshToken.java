package io.tenantry.tenantapp.identity;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, a row of {@code refresh_tokens} stored as its SHA-256; each use consumes it and
 * issues the next. {@code consumedAt} is only ever set by a statement that checks it was unset.
 */
class RefreshToken {

  static final Table<RefreshToken> TABLE =
      Table.of("refresh_tokens", "refresh token", RefreshToken::new)
          .key("id", t -> t.id, (t, v) -> t.id = v)
          .fixed("staff_user_id", ID, t -> t.staffUserId, (t, v) -> t.staffUserId = v)
          .fixed("token_hash", TEXT, t -> t.tokenHash, (t, v) -> t.tokenHash = v)
          .fixed("expires_at", TIMESTAMP, t -> t.expiresAt, (t, v) -> t.expiresAt = v)
          .fixed("consumed_at", TIMESTAMP, t -> t.consumedAt, (t, v) -> t.consumedAt = v)
          .fixed("created_at", TIMESTAMP, t -> t.createdAt, (t, v) -> t.createdAt = v)
          .build();

  UUID id;
  UUID staffUserId;
  String tokenHash;
  Instant expiresAt;
  Instant consumedAt;
  Instant createdAt;
}
