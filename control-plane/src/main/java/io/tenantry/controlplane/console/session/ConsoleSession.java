package io.tenantry.controlplane.console.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in browser; the id in the cookie is stored only as its SHA-256 hash. */
@Entity
@Table(name = "console_sessions")
public class ConsoleSession extends PanacheEntityBase {

  @Id
  @Column(name = "id_hash")
  public String idHash;

  @Column(name = "user_id")
  public UUID userId;

  @Column(name = "csrf_token")
  public String csrfToken;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "last_seen_at")
  public Instant lastSeenAt;

  @Column(name = "expires_at")
  public Instant expiresAt;
}
