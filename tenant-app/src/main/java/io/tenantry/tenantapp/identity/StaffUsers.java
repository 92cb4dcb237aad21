package io.tenantry.tenantapp.identity;

import io.tenantry.tenantapp.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements on {@code staff_users}, which sign-in, staff management and seats share. */
@ApplicationScoped
public class StaffUsers {

  private final Db db;

  StaffUsers(Db db) {
    this.db = db;
  }

  public StaffUser get(UUID id) {
    return db.get(StaffUser.TABLE, id);
  }

  /** Locked until the transaction ends, for a change that reads the row first. */
  public StaffUser lock(UUID id) {
    return db.lock(StaffUser.TABLE, id);
  }

  public Optional<StaffUser> byId(UUID id) {
    return db.first(StaffUser.TABLE.select() + " WHERE id = ?", StaffUser.TABLE.mapper(), id);
  }

  /** E-mail addresses are unique regardless of case (the index is on {@code lower(email)}). */
  public Optional<StaffUser> byEmail(String email) {
    return db.first(
        StaffUser.TABLE.select() + " WHERE lower(email) = lower(?)",
        StaffUser.TABLE.mapper(),
        email);
  }

  /** Locked until the transaction ends, so that an invitation token is accepted only once. */
  public Optional<StaffUser> byInviteTokenHash(String hash) {
    return db.first(
        StaffUser.TABLE.select() + " WHERE invite_token_hash = ? FOR UPDATE",
        StaffUser.TABLE.mapper(),
        hash);
  }

  public List<StaffUser> all() {
    return db.list(StaffUser.TABLE.select() + " ORDER BY created_at, id", StaffUser.TABLE.mapper());
  }

  public long count() {
    return db.count("SELECT count(*) FROM staff_users");
  }

  /** Staff users holding a seat: every one not disabled, pending invitations included. */
  public long countSeated() {
    return db.count("SELECT count(*) FROM staff_users WHERE status <> ?", StaffStatus.disabled);
  }

  public void insert(StaffUser u) {
    db.update(
        "INSERT INTO staff_users (id, email, display_name, role, status, password_hash,"
            + " invite_token_hash, invite_expires_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        u.id,
        u.email,
        u.displayName,
        u.role,
        u.status,
        u.passwordHash,
        u.inviteTokenHash,
        u.inviteExpiresAt,
        u.createdAt);
  }

  /** Writes every column a staff change may touch (all but the id, e-mail and creation time). */
  public void update(StaffUser u) {
    db.update(
        "UPDATE staff_users SET display_name = ?, role = ?, status = ?, password_hash = ?,"
            + " invite_token_hash = ?, invite_expires_at = ? WHERE id = ?",
        u.displayName,
        u.role,
        u.status,
        u.passwordHash,
        u.inviteTokenHash,
        u.inviteExpiresAt,
        u.id);
  }
}
