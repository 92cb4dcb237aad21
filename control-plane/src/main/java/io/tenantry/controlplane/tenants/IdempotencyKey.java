package io.tenantry.controlplane.tenants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A create request already served, so that a retry with the same key returns the same tenant;
 * remembered for {@link TenantsConfig#idempotencyKeyRetention()}.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey extends PanacheEntityBase {

  /** Composite id: keys are scoped per user, so two admins cannot collide. */
  public record Key(String idemKey, UUID actorId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "idem_key")
  public String idemKey;

  @Id
  @Column(name = "actor_id")
  public UUID actorId;

  @Column(name = "request_hash")
  public String requestHash;

  @Column(name = "tenant_id")
  public UUID tenantId;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Keys created before this instant are past {@code retention}: treated as never used. */
  static Instant cutoff(Duration retention) {
    return Instant.now().minus(retention);
  }

  /**
   * Forgets {@code key} if it is past its retention, so that it is new again whether or not the
   * retention job has run yet.
   */
  static void forgetIfExpired(String key, UUID actorId, Instant cutoff) {
    delete("idemKey = ?1 and actorId = ?2 and createdAt < ?3", key, actorId, cutoff);
  }

  /** One bulk DELETE, never a load and remove per row. */
  static long deleteExpired(Instant cutoff) {
    return delete("createdAt < ?1", cutoff);
  }
}
