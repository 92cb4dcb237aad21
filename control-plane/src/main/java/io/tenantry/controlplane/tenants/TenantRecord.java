package io.tenantry.controlplane.tenants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The platform's record of a tenant: what admins asked for and what the cluster last reported. */
@Entity
@Table(name = "tenants")
public class TenantRecord extends PanacheEntityBase {

  public static final String ORIGIN_API = "api";
  public static final String ORIGIN_CLUSTER = "cluster";

  @Id public UUID id;

  public String slug;

  @Column(name = "display_name")
  public String displayName;

  public String plan;
  public String region;

  @Column(name = "deletion_policy")
  public String deletionPolicy;

  @Enumerated(EnumType.STRING)
  public LifecycleState state;

  public String origin;
  public String phase;

  /** The Tenant's status conditions as JSON. */
  public String conditions;

  public String url;

  /** True until the Tenant resource reflects the latest change. */
  @Column(name = "push_pending")
  public boolean pushPending;

  /** Failed writes since the last successful one; drives the back-off. */
  @Column(name = "push_failures")
  public int pushFailures;

  /** Why the last write failed, as the cluster said it; no secrets pass through here. */
  @Column(name = "push_error")
  public String pushError;

  /** The retry tick leaves the tenant alone until then. */
  @Column(name = "push_next_attempt_at")
  public Instant pushNextAttemptAt;

  /** metadata.generation of the Tenant as last written or adopted; older events are stale. */
  @Column(name = "cluster_generation")
  public Long clusterGeneration;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public static Optional<TenantRecord> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
