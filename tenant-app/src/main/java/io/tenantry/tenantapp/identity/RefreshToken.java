package io.tenantry.tenantapp.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token, stored as its SHA-256; each use consumes it and issues the next. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "staff_user_id")
  public UUID staffUserId;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "consumed_at")
  public Instant consumedAt;

  @Column(name = "created_at")
  public Instant createdAt;
}
