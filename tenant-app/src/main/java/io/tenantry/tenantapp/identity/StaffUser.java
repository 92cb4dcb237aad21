package io.tenantry.tenantapp.identity;

import static io.tenantry.tenantapp.db.Column.Reader.BOOLEAN;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;
import static io.tenantry.tenantapp.db.Column.Reader.enumOf;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code staff_users}. */
public class StaffUser {

  static final Table<StaffUser> TABLE =
      Table.of("staff_users", "staff user", StaffUser::new)
          .key("id", u -> u.id, (u, v) -> u.id = v)
          .fixed("email", TEXT, u -> u.email, (u, v) -> u.email = v)
          .column("display_name", TEXT, u -> u.displayName, (u, v) -> u.displayName = v)
          .column("role", enumOf(Role.class), u -> u.role, (u, v) -> u.role = v)
          .column("status", enumOf(StaffStatus.class), u -> u.status, (u, v) -> u.status = v)
          .column("password_hash", TEXT, u -> u.passwordHash, (u, v) -> u.passwordHash = v)
          .column(
              "invite_token_hash", TEXT, u -> u.inviteTokenHash, (u, v) -> u.inviteTokenHash = v)
          .column(
              "invite_expires_at",
              TIMESTAMP,
              u -> u.inviteExpiresAt,
              (u, v) -> u.inviteExpiresAt = v)
          .column(
              "password_change_required",
              BOOLEAN,
              u -> u.passwordChangeRequired,
              (u, v) -> u.passwordChangeRequired = v)
          .fixed("created_at", TIMESTAMP, u -> u.createdAt, (u, v) -> u.createdAt = v)
          .build();

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

  /**
   * The password is one the user did not choose (the first administrator's one-time password, or an
   * administrator reset it): only the password change is open to them until they choose one.
   */
  public boolean passwordChangeRequired;

  public Instant createdAt;
}
