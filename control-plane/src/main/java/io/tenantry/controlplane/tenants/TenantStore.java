package io.tenantry.controlplane.tenants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRules;
import io.tenantry.crds.v1alpha1.TenantSpec;
import io.tenantry.crds.v1alpha1.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The tenants table as the cluster link sees it. Every write is keyed by slug and idempotent, so a
 * restart that replays every Tenant changes nothing and duplicates nothing.
 */
@ApplicationScoped
public class TenantStore {

  private static final Logger LOG = Logger.getLogger(TenantStore.class);

  static final String CLUSTER = "cluster";

  private final AuditLog audit;
  private final EntityManager em;
  private final ObjectMapper json;
  private final TenantPush push;

  TenantStore(AuditLog audit, EntityManager em, ObjectMapper json, TenantPush push) {
    this.audit = audit;
    this.em = em;
    this.json = json;
    this.push = push;
  }

  @Transactional
  public Optional<TenantRecord> find(String slug) {
    return TenantRecord.findBySlug(slug);
  }

  /** Tenants with a write pending whose back-off, if any, has run out. */
  @Transactional
  public List<String> pendingSlugs(Instant now) {
    return em.createQuery(
            "select t.slug from TenantRecord t where t.pushPending and (t.pushNextAttemptAt is null"
                + " or t.pushNextAttemptAt <= :now)",
            String.class)
        .setParameter("now", now)
        .getResultList();
  }

  /**
   * Clears the pending flag unless the record changed again since it was read; the failure count
   * starts over either way, since the cluster accepted the write.
   */
  @Transactional
  public void pushed(String slug, Instant seenUpdatedAt, Long generation) {
    TenantRecord.update(
        "pushFailures = 0, pushError = null, pushNextAttemptAt = null where slug = ?1", slug);
    if (generation != null) {
      // never backwards: a slower push finishing last must not make older events look new
      em.createNativeQuery(
              "UPDATE tenants SET cluster_generation = GREATEST(COALESCE(cluster_generation, 0),"
                  + " ?1) WHERE slug = ?2")
          .setParameter(1, generation)
          .setParameter(2, slug)
          .executeUpdate();
    }
    TenantRecord.update(
        "pushPending = false where slug = ?1 and updatedAt = ?2", slug, seenUpdatedAt);
  }

  /** Makes every pending push due now (its failure count stays); returns how many. */
  @Transactional
  public int resumePending() {
    return TenantRecord.update("pushNextAttemptAt = null where pushPending = true");
  }

  /** Records a failed write and when to try again. */
  @Transactional
  public void pushFailed(String slug, String error, PushBackoff backoff, Instant now) {
    TenantRecord.findBySlug(slug)
        .ifPresent(
            tenant -> {
              tenant.pushFailures++;
              tenant.pushError = error;
              tenant.pushNextAttemptAt = now.plus(backoff.delayAfter(tenant.pushFailures));
            });
  }

  /** The Tenant resource is gone after a requested deletion. */
  @Transactional
  public void markGone(String slug) {
    TenantRecord tenant = TenantRecord.findBySlug(slug).orElse(null);
    if (tenant == null || tenant.state == LifecycleState.DELETED) {
      return;
    }
    boolean requested = tenant.state == LifecycleState.DELETING;
    tenant.state = requested ? LifecycleState.DELETED : LifecycleState.ORPHANED;
    tenant.pushPending = false;
    tenant.updatedAt = Instant.now();
    audit.recordAs(
        CLUSTER,
        AuditEvent.success(
            requested ? "tenant.deleted" : "tenant.removed-out-of-band",
            slug,
            slug,
            Map.of("state", tenant.state.value())));
  }

  /**
   * Frees the slug of a deleted tenant for a new one (API create or a Tenant applied with kubectl):
   * the old record keeps its id, history and audit trail under {@code <slug>~<id>}, a name no
   * tenant can have, and the new tenant starts afresh with a new id, license and endpoint.
   *
   * @return true when a deleted tenant held the slug
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean releaseDeletedSlug(String slug) {
    TenantRecord old = TenantRecord.findBySlug(slug).orElse(null);
    if (old == null || old.state != LifecycleState.DELETED) {
      return false;
    }
    String retired = slug + "~" + old.id;
    em.flush();
    em.detach(old);
    em.createNativeQuery("DELETE FROM tenant_endpoints WHERE slug = ?1")
        .setParameter(1, slug)
        .executeUpdate();
    em.createNativeQuery("UPDATE tenants SET slug = ?1 WHERE id = ?2")
        .setParameter(1, retired)
        .setParameter(2, old.id)
        .executeUpdate();
    audit.record(
        AuditEvent.success("tenant.slug-released", slug, retired, Map.of("retiredAs", retired)));
    return true;
  }

  /** Mirrors what the cluster reports; adopts Tenants the platform has never seen. */
  @Transactional
  public void mirror(Tenant resource) {
    String slug = resource.getMetadata().getName();
    if (resource.getMetadata().getDeletionTimestamp() == null && adoptable(resource)) {
      releaseDeletedSlug(slug); // a Tenant of a deleted tenant's name is a new tenant
    }
    if (TenantRecord.findBySlug(slug).isEmpty() && (!adoptable(resource) || !adopt(resource))) {
      return;
    }
    TenantRecord tenant = TenantRecord.findBySlug(slug).orElseThrow();
    TenantStatus status = resource.getStatus();
    if (status != null) {
      tenant.phase = status.phase == null ? tenant.phase : status.phase.name();
      tenant.conditions = toJson(status.conditions);
      tenant.url = status.url;
    }
    if (tenant.state == LifecycleState.ORPHANED) {
      tenant.state = suspended(resource) ? LifecycleState.SUSPENDED : LifecycleState.ACTIVE;
    }
    if (!tenant.pushPending
        && resource.getSpec() != null
        && isLive(tenant)
        && newer(resource, tenant)) {
      tenant.clusterGeneration = resource.getMetadata().getGeneration();
      Map<String, Object> changes = copySpec(resource.getSpec(), tenant);
      if (!changes.isEmpty()) {
        // The cluster's change wins (docs/contracts.md): audited, and pushed back so that the
        // signed entitlements follow the new plan or state instead of keeping the old one.
        audit.recordAs(
            CLUSTER, AuditEvent.success("tenant.changed-in-cluster", slug, slug, changes));
        push.request(tenant);
      }
    }
  }

  /**
   * Whether the event's spec is newer than the one the platform last wrote or adopted. An event
   * delivered late (a resync, a slow watch) may carry a spec older than the control plane's own
   * latest write; adopting it would revert that write. Generation decides, as the API server bumps
   * it on every spec change; without one on either side, the event counts as newer.
   */
  private static boolean newer(Tenant resource, TenantRecord tenant) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null
        || tenant.clusterGeneration == null
        || generation > tenant.clusterGeneration;
  }

  /** Tenants the platform believes exist but the cluster no longer has. */
  @Transactional
  public void reconcileMissing(Set<String> present) {
    List<TenantRecord> live =
        TenantRecord.list(
            "pushPending = false and state in ?1",
            List.of(LifecycleState.ACTIVE, LifecycleState.SUSPENDED, LifecycleState.DELETING));
    live.stream().filter(t -> !present.contains(t.slug)).forEach(t -> markGone(t.slug));
  }

  /**
   * A Tenant applied with kubectl to a server that did not enforce the CRD (or before a rule was
   * added) is not taken into the platform: the operator refuses it as well.
   */
  private static boolean adoptable(Tenant resource) {
    List<TenantRules.Violation> violations = TenantRules.check(resource);
    if (!violations.isEmpty()) {
      LOG.warnf("not adopting Tenant %s: %s", resource.getMetadata().getName(), violations);
    }
    return violations.isEmpty();
  }

  private boolean adopt(Tenant resource) {
    String slug = resource.getMetadata().getName();
    TenantSpec spec = resource.getSpec() == null ? new TenantSpec() : resource.getSpec();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO tenants (id, slug, display_name, plan, region, deletion_policy, state,"
                    + " origin, phase, push_pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                    + " false) ON CONFLICT (slug) DO NOTHING")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, slug)
            .setParameter(3, spec.displayName == null ? slug : spec.displayName)
            .setParameter(4, spec.plan == null ? "free" : spec.plan.value())
            .setParameter(5, spec.region)
            .setParameter(6, spec.deletionPolicy == null ? "Retain" : spec.deletionPolicy.name())
            .setParameter(
                7, (suspended(resource) ? LifecycleState.SUSPENDED : LifecycleState.ACTIVE).name())
            .setParameter(8, TenantRecord.ORIGIN_CLUSTER)
            .setParameter(9, "Pending")
            .executeUpdate();
    if (inserted == 1) {
      Map<String, Object> payload = new HashMap<>();
      payload.put("displayName", spec.displayName);
      payload.put("plan", spec.plan == null ? null : spec.plan.value());
      payload.put("region", spec.region);
      audit.recordAs(CLUSTER, AuditEvent.success("tenant.adopted", slug, slug, payload));
    }
    return true;
  }

  private static boolean suspended(Tenant resource) {
    return resource.getSpec() != null && resource.getSpec().isSuspended();
  }

  private static boolean isLive(TenantRecord tenant) {
    return tenant.state == LifecycleState.ACTIVE || tenant.state == LifecycleState.SUSPENDED;
  }

  /**
   * Edits made with kubectl win when the platform has nothing pending of its own; returns each
   * changed field as {@code {from, to}}.
   */
  private static Map<String, Object> copySpec(TenantSpec spec, TenantRecord tenant) {
    Map<String, Object> changes = new TreeMap<>();
    if (spec.displayName != null) {
      tenant.displayName = changed(changes, "displayName", tenant.displayName, spec.displayName);
    }
    if (spec.plan != null) {
      tenant.plan = changed(changes, "plan", tenant.plan, spec.plan.value());
    }
    tenant.region = changed(changes, "region", tenant.region, spec.region);
    if (spec.deletionPolicy != null) {
      tenant.deletionPolicy =
          changed(changes, "deletionPolicy", tenant.deletionPolicy, spec.deletionPolicy.name());
    }
    LifecycleState state = spec.isSuspended() ? LifecycleState.SUSPENDED : LifecycleState.ACTIVE;
    if (state != tenant.state) {
      changed(changes, "state", tenant.state.value(), state.value());
      tenant.state = state;
    }
    return changes;
  }

  private static String changed(Map<String, Object> changes, String field, String from, String to) {
    if (!Objects.equals(from, to)) {
      Map<String, Object> change = new HashMap<>();
      change.put("from", from);
      change.put("to", to);
      changes.put(field, change);
    }
    return to;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Tenant status conditions are not serializable", e);
    }
  }
}
