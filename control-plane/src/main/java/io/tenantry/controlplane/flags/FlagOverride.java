package io.tenantry.controlplane.flags;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One tenant's override of one flag. */
@Entity
@Table(name = "tenant_flag_overrides")
@IdClass(FlagOverride.Key.class)
public class FlagOverride extends PanacheEntityBase {

  /** Composite id: one override per tenant and flag. */
  public record Key(UUID tenantId, String flagKey) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "tenant_id")
  public UUID tenantId;

  @Id
  @Column(name = "flag_key")
  public String flagKey;

  public boolean enabled;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;
}
