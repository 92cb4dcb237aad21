package io.tenantry.controlplane.tenants;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.tenants.LifecycleState.Action;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.TenantRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant lifecycle. Changes are recorded and audited in one transaction; the Tenant resource is
 * written after commit by {@link ClusterWriter}, so the API never waits on the cluster.
 */
@ApplicationScoped
public class TenantService {

  /** A created tenant, and whether it was created by an earlier request with the same key. */
  public record Created(TenantView tenant, boolean replayed) {}

  /** One page of tenants. */
  public record TenantPage(List<TenantView> items, int page, int size, long total) {}

  /** Filters of the list endpoint; all optional. */
  public record ListFilter(String phase, String plan, String region, String state, String q) {}

  private final TenantsConfig config;
  private final AuditLog audit;
  private final Event<TenantChanged> changed;
  private final EntityManager em;
  private final TenantStore store;

  TenantService(
      TenantsConfig config,
      AuditLog audit,
      Event<TenantChanged> changed,
      EntityManager em,
      TenantStore store) {
    this.config = config;
    this.audit = audit;
    this.changed = changed;
    this.em = em;
    this.store = store;
  }

  @Transactional
  public Created create(TenantRequests.Create request, String idempotencyKey, UUID actorId) {
    // The CRD's own name rules (IDNA, kube-), shared with the operator: refused here rather than
    // by the API server after the tenant was recorded.
    for (TenantRules.Violation violation : TenantRules.checkSlug(request.slug())) {
      throw ProblemException.invalid("slug", violation.rule());
    }
    if (config.reservedSlugs().contains(request.slug())) {
      throw ProblemException.invalid("slug", "'" + request.slug() + "' is reserved");
    }
    String requestHash = IdempotencyHash.of(request);
    if (idempotencyKey != null) {
      em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
          .setParameter(1, actorId + "/" + idempotencyKey)
          .getSingleResult();
      IdempotencyKey.forgetIfExpired(
          idempotencyKey, actorId, IdempotencyKey.cutoff(config.idempotencyKeyRetention()));
      IdempotencyKey seen =
          IdempotencyKey.findById(new IdempotencyKey.Key(idempotencyKey, actorId));
      if (seen != null) {
        return replay(seen, requestHash);
      }
    }
    store.releaseDeletedSlug(request.slug());
    if (TenantRecord.findBySlug(request.slug()).isPresent()) {
      throw ProblemException.conflict(
          "slug-taken", "a tenant with slug '" + request.slug() + "' already exists");
    }
    TenantRecord tenant = newRecord(request);
    tenant.persist();
    if (idempotencyKey != null) {
      rememberKey(idempotencyKey, actorId, requestHash, tenant.id);
    }
    audit.record(AuditEvent.success("tenant.create", tenant.slug, tenant.slug, asPayload(request)));
    changed.fire(new TenantChanged(tenant.slug));
    return new Created(TenantView.of(tenant), false);
  }

  @Transactional
  public TenantPage list(ListFilter filter, int page, int size) {
    List<String> clauses = new ArrayList<>();
    Parameters parameters = new Parameters();
    String query = where(filter, clauses, parameters);
    PanacheQuery<TenantRecord> found =
        TenantRecord.find(query, Sort.by("slug"), parameters).page(Page.of(page, size));
    return new TenantPage(
        found.list().stream().map(TenantView::of).toList(), page, size, found.count());
  }

  /**
   * Keyset paging for the console: up to {@code limit} tenants matching {@code filter} whose slug
   * sorts after {@code after} (all when null), so that a page stays stable while tenants come and
   * go before it.
   */
  @Transactional
  public List<TenantView> after(ListFilter filter, String after, int limit) {
    List<String> clauses = new ArrayList<>();
    Parameters parameters = new Parameters();
    if (after != null && !after.isBlank()) {
      clauses.add("slug > :after");
      parameters.and("after", after);
    }
    String query = where(filter, clauses, parameters);
    List<TenantRecord> found =
        TenantRecord.find(query, Sort.by("slug"), parameters).range(0, limit - 1).list();
    return found.stream().map(TenantView::of).toList();
  }

  /** Current views of the named tenants, for the console's live status. */
  @Transactional
  public List<TenantView> views(java.util.Collection<String> slugs) {
    return TenantRecord.<TenantRecord>list("slug in ?1", slugs).stream()
        .map(TenantView::of)
        .toList();
  }

  private String where(ListFilter filter, List<String> clauses, Parameters parameters) {
    addEquals(clauses, parameters, "phase", filter.phase());
    addEquals(clauses, parameters, "plan", filter.plan());
    addEquals(clauses, parameters, "region", filter.region());
    if (filter.state() != null) {
      clauses.add("state = :state");
      parameters.and("state", parseState(filter.state()));
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      clauses.add("(lower(displayName) like :q or slug like :q)");
      parameters.and("q", "%" + escapeLike(filter.q().strip().toLowerCase()) + "%");
    }
    return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
  }

  @Transactional
  public TenantView get(String slug) {
    return TenantView.of(find(slug));
  }

  @Transactional
  public TenantView update(String slug, TenantRequests.Update request) {
    TenantRecord tenant = find(slug);
    tenant.state = tenant.state.apply(Action.UPDATE, slug);
    Map<String, Object> changes = new HashMap<>();
    if (request.displayName() != null) {
      tenant.displayName = request.displayName().strip();
      changes.put("displayName", tenant.displayName);
    }
    if (request.plan() != null) {
      tenant.plan = request.plan();
      changes.put("plan", tenant.plan);
    }
    if (request.region() != null) {
      tenant.region = request.region();
      changes.put("region", tenant.region);
    }
    if (changes.isEmpty()) {
      throw ProblemException.invalid(
          "body", "must change at least one of displayName, plan, region");
    }
    return changed(tenant, "tenant.update", changes);
  }

  @Transactional
  public TenantView transition(String slug, Action action) {
    TenantRecord tenant = find(slug);
    LifecycleState before = tenant.state;
    tenant.state = before.apply(action, slug);
    return changed(
        tenant,
        "tenant." + action.name().toLowerCase(),
        Map.of("from", before.value(), "to", tenant.state.value()));
  }

  /**
   * Asks for deletion; {@code deletionPolicy}, when given, replaces the tenant's policy first so
   * that the operator sees it on the resource it deletes.
   */
  @Transactional
  public TenantView delete(String slug, String deletionPolicy) {
    TenantRecord tenant = find(slug);
    LifecycleState before = tenant.state;
    tenant.state = before.apply(Action.DELETE, slug);
    if (deletionPolicy != null) {
      tenant.deletionPolicy = deletionPolicy;
    }
    return changed(
        tenant,
        "tenant.delete",
        Map.of(
            "from",
            before.value(),
            "to",
            tenant.state.value(),
            "deletionPolicy",
            tenant.deletionPolicy));
  }

  private TenantView changed(TenantRecord tenant, String action, Map<String, Object> payload) {
    tenant.updatedAt = Instant.now();
    tenant.pushPending = tenant.state != LifecycleState.DELETED;
    audit.record(AuditEvent.success(action, tenant.slug, tenant.slug, payload));
    changed.fire(new TenantChanged(tenant.slug));
    return TenantView.of(tenant);
  }

  private Created replay(IdempotencyKey seen, String requestHash) {
    if (!seen.requestHash.equals(requestHash)) {
      throw new ProblemException(
          Problem.of(
              422,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "this Idempotency-Key was used for a different request body"));
    }
    TenantRecord tenant = TenantRecord.findById(seen.tenantId);
    return new Created(TenantView.of(tenant), true);
  }

  private static void rememberKey(String key, UUID actorId, String requestHash, UUID tenantId) {
    IdempotencyKey remembered = new IdempotencyKey();
    remembered.idemKey = key;
    remembered.actorId = actorId;
    remembered.requestHash = requestHash;
    remembered.tenantId = tenantId;
    remembered.createdAt = Instant.now();
    remembered.persist();
  }

  private static TenantRecord newRecord(TenantRequests.Create request) {
    TenantRecord tenant = new TenantRecord();
    tenant.id = UUID.randomUUID();
    tenant.slug = request.slug();
    tenant.displayName = request.displayName().strip();
    tenant.plan = request.plan();
    tenant.region = request.region();
    tenant.deletionPolicy =
        request.deletionPolicy() == null ? DeletionPolicy.Retain.name() : request.deletionPolicy();
    tenant.state = LifecycleState.ACTIVE;
    tenant.origin = TenantRecord.ORIGIN_API;
    tenant.phase = "Pending";
    tenant.pushPending = true;
    tenant.createdAt = Instant.now();
    tenant.updatedAt = tenant.createdAt;
    return tenant;
  }

  private static Map<String, Object> asPayload(TenantRequests.Create request) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("slug", request.slug());
    payload.put("displayName", request.displayName());
    payload.put("plan", request.plan());
    payload.put("region", request.region());
    payload.put("deletionPolicy", request.deletionPolicy());
    return payload;
  }

  private static TenantRecord find(String slug) {
    return TenantRecord.findBySlug(slug)
        .orElseThrow(() -> ProblemException.notFound("tenant " + slug));
  }

  private static LifecycleState parseState(String state) {
    for (LifecycleState candidate : LifecycleState.values()) {
      if (candidate.value().equals(state)) {
        return candidate;
      }
    }
    throw ProblemException.invalid(
        "state", "must be one of active, suspended, deleting, deleted, orphaned");
  }

  private static void addEquals(
      List<String> clauses, Parameters parameters, String field, String value) {
    if (value != null) {
      clauses.add(field + " = :" + field);
      parameters.and(field, value);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
