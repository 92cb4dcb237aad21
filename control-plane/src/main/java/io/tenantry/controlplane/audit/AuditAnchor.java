package io.tenantry.controlplane.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The audit chain's head as it was at {@link #anchoredAt}, signed with the platform key. The app's
 * database role may only insert and read anchors (V12); the database refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "audit_anchors")
public class AuditAnchor extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "head_id")
  public long headId;

  @Column(name = "head_hash")
  public String headHash;

  @Column(name = "anchored_at")
  public Instant anchoredAt;

  @Column(name = "anchored_by")
  public String anchoredBy;

  /** JWS name of the signature's algorithm (ES256, RS256), following the key. */
  public String algorithm;

  /** Base64 of the signature over {@link AnchorSignature#signedText}. */
  public String signature;
}
