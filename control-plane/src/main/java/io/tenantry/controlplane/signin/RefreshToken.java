package io.tenantry.controlplane.signin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token, stored only as its SHA-256 hash; a family is one login and its rotations. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "family_id")
  public UUID familyId;

  @Column(name = "user_id")
  public UUID userId;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "created_at")
  public Instant createdAt;
}
