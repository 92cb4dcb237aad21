package io.tenantry.tenantapp.web;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;

import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.identity.StaffStatus;
import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.identity.StaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Server-side browser sessions in the tenant database: the cookie holds a random id, the table its
 * SHA-256. A session ends when idle too long, when too old, on sign-out, and as soon as its user is
 * no longer active (checked on every request, so disabling someone signs them out at once).
 */
@ApplicationScoped
public class WebSessions {

  /** A new session: the cookie value (shown once, never stored) and its CSRF token. */
  public record Created(String cookieValue, String csrfToken) {}

  private final Db db;
  private final StaffUsers staff;
  private final WebConfig config;

  WebSessions(Db db, StaffUsers staff, WebConfig config) {
    this.db = db;
    this.staff = staff;
    this.config = config;
  }

  @Transactional
  public Created create(StaffUser user) {
    String raw = RandomSecrets.random(32);
    String csrf = RandomSecrets.random(32);
    Instant now = Timestamps.now();
    db.update(
        "INSERT INTO staff_web_sessions (id_hash, staff_user_id, csrf_token, created_at,"
            + " last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        RandomSecrets.sha256(raw),
        user.id,
        csrf,
        now,
        now,
        now.plus(config.absoluteTimeout()));
    return new Created(raw, csrf);
  }

  /** The signed-in staff member behind a cookie value, refreshing the idle timer. */
  @Transactional
  public Optional<SignedIn> resolve(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    String hash = RandomSecrets.sha256(cookieValue);
    Instant now = Timestamps.now();
    Optional<Row> row =
        db.first(
            "SELECT staff_user_id, csrf_token, last_seen_at, expires_at FROM staff_web_sessions"
                + " WHERE id_hash = ?",
            rs ->
                new Row(
                    ID.read(rs, "staff_user_id"),
                    rs.getString("csrf_token"),
                    TIMESTAMP.read(rs, "last_seen_at"),
                    TIMESTAMP.read(rs, "expires_at")),
            hash);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Row session = row.get();
    boolean expired =
        !now.isBefore(session.expiresAt())
            || !now.isBefore(session.lastSeenAt().plus(config.idleTimeout()));
    Optional<StaffUser> user =
        staff.byId(session.userId()).filter(u -> u.status == StaffStatus.active);
    if (expired || user.isEmpty()) {
      db.update("DELETE FROM staff_web_sessions WHERE id_hash = ?", hash);
      return Optional.empty();
    }
    db.update("UPDATE staff_web_sessions SET last_seen_at = ? WHERE id_hash = ?", now, hash);
    return Optional.of(SignedIn.of(user.get(), hash, session.csrfToken()));
  }

  @Transactional
  public void delete(String sessionHash) {
    db.update("DELETE FROM staff_web_sessions WHERE id_hash = ?", sessionHash);
  }

  /** Ends every other browser session of a user, after they changed their password. */
  @Transactional
  public void deleteOthersOf(UUID staffUserId, String keptSessionHash) {
    db.update(
        "DELETE FROM staff_web_sessions WHERE staff_user_id = ? AND id_hash <> ?",
        staffUserId,
        keptSessionHash);
  }

  private record Row(UUID userId, String csrfToken, Instant lastSeenAt, Instant expiresAt) {}
}
