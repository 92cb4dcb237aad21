package io.tenantry.controlplane.licensing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's license: one per tenant, changed in place; {@link LicenseHistoryEntry} keeps the past.
 */
@Entity
@Table(name = "licenses")
public class License extends PanacheEntityBase {

  @Id
  @Column(name = "tenant_id")
  public UUID tenantId;

  /** trial, subscription or perpetual. */
  public String type;

  public int seats;

  /** Null for a perpetual license. */
  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "grace_period_days")
  public int gracePeriodDays;

  /** active, grace, expired, suspended or revoked. */
  public String status;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;
}
