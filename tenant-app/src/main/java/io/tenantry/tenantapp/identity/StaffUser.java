package io.tenantry.tenantapp.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "staff_users")
public class StaffUser extends PanacheEntityBase {

  @Id public UUID id;

  public String email;

  @Column(name = "display_name")
  public String displayName;

  @Enumerated(EnumType.STRING)
  public Role role;

  @Enumerated(EnumType.STRING)
  public StaffStatus status;

  /** Argon2id (PHC string); null until the invitation is accepted. */
  @Column(name = "password_hash")
  public String passwordHash;

  /** SHA-256 of the one-time invitation token; the token itself is never stored. */
  @Column(name = "invite_token_hash")
  public String inviteTokenHash;

  @Column(name = "invite_expires_at")
  public Instant inviteExpiresAt;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Staff users holding a seat: every one not disabled, pending invitations included. */
  public static long countSeated() {
    return count("status <> ?1", StaffStatus.disabled);
  }

  public static Optional<StaffUser> byEmail(String email) {
    return find("lower(email) = lower(?1)", email).firstResultOptional();
  }
}
