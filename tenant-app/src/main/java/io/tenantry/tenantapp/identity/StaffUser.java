package io.tenantry.tenantapp.identity;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code staff_users}. */
public class StaffUser {

  static final Table<StaffUser> TABLE =
      new Table<>(
          "staff_users",
          "staff user",
          "id, email, display_name, role, status, password_hash, invite_token_hash,"
              + " invite_expires_at, created_at",
          StaffUser::read);

  public UUID id;
  public String email;
  public String displayName;
  public Role role;
  public StaffStatus status;

  /** Argon2id (PHC string); null until the invitation is accepted. */
  public String passwordHash;

  /** SHA-256 of the one-time invitation token; the token itself is never stored. */
  public String inviteTokenHash;

  public Instant inviteExpiresAt;
  public Instant createdAt;

  private static StaffUser read(ResultSet row) throws SQLException {
    StaffUser u = new StaffUser();
    u.id = Db.uuid(row, "id");
    u.email = row.getString("email");
    u.displayName = row.getString("display_name");
    u.role = Db.enumOf(Role.class, row, "role");
    u.status = Db.enumOf(StaffStatus.class, row, "status");
    u.passwordHash = row.getString("password_hash");
    u.inviteTokenHash = row.getString("invite_token_hash");
    u.inviteExpiresAt = Db.instant(row, "invite_expires_at");
    u.createdAt = Db.instant(row, "created_at");
    return u;
  }
}
