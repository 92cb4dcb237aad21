package io.tenantry.controlplane.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only audit log; the database refuses UPDATE and DELETE. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "occurred_at")
  public Instant occurredAt;

  public String actor;
  public String action;
  public String outcome;
  public String tenant;
  public String target;

  @Column(name = "request_id")
  public String requestId;

  @Column(name = "client_address")
  public String clientAddress;

  /** Canonical JSON (sorted keys), secrets already redacted. */
  public String payload;

  @Column(name = "prev_hash")
  public String prevHash;

  public String hash;
}
