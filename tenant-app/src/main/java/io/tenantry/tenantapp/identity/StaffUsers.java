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
  /** Active users and pending invitations; an expired invitation gives its seat back. */
  public long countSeated() {
    return db.count(
        "SELECT count(*) FROM staff_users WHERE status = ?"
            + " OR (status = ? AND invite_expires_at > now())",
        StaffStatus.active,
        StaffStatus.invited);
  }

  public void insert(StaffUser u) {
    db.insert(StaffUser.TABLE, u);
  }

  /** Writes every column a staff change may touch (all but the id, e-mail and creation time). */
  public void update(StaffUser u) {
    db.update(StaffUser.TABLE, u);
  }
}
