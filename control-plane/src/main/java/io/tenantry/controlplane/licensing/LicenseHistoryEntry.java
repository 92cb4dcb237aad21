package io.tenantry.controlplane.licensing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change to a license (append-only): who, when, what changed, and the license afterwards. */
@Entity
@Table(name = "license_history")
public class LicenseHistoryEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id")
  public UUID tenantId;

  @Column(name = "occurred_at")
  public Instant occurredAt;

  public String actor;

  /** license.create, license.update or license.status. */
  public String action;

  /** The fields changed, as JSON: {@code {"seats":{"from":10,"to":25}}}. */
  public String changes;

  public String type;
  public int seats;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "grace_period_days")
  public int gracePeriodDays;

  public String status;
}
