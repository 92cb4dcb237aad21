package io.tenantry.controlplane.invitations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An invitation of a platform user; the link's token is stored only as its SHA-256 hash. */
@Entity
@Table(name = "platform_invitations")
public class Invitation extends PanacheEntityBase {

  /** Where an invitation stands; only a pending one can be accepted or revoked. */
  public enum State {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id public UUID id;

  @Column(name = "token_hash")
  public String tokenHash;

  public String email;

  public String role;

  @Column(name = "invited_by")
  public UUID invitedBy;

  @Column(name = "invited_by_email")
  public String invitedByEmail;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "accepted_at")
  public Instant acceptedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "user_id")
  public UUID userId;

  /** Accepted and revoked are final; a row neither of them is expired once past its expiry. */
  public State state(Instant now) {
    if (acceptedAt != null) {
      return State.ACCEPTED;
    }
    if (revokedAt != null) {
      return State.REVOKED;
    }
    return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
  }
}
