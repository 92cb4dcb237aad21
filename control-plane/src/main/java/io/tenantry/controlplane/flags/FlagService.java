package io.tenantry.controlplane.flags;

import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Sort;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.flags.FlagRule.Decision;
import io.tenantry.controlplane.flags.FlagRule.PlanStance;
import io.tenantry.controlplane.flags.FlagViews.CatalogueEntry;
import io.tenantry.controlplane.flags.FlagViews.EffectiveFlag;
import io.tenantry.controlplane.flags.FlagViews.EffectiveFlags;
import io.tenantry.controlplane.plans.PlanCatalogue;
import io.tenantry.controlplane.plans.PlansConfig.PlanDefinition;
import io.tenantry.controlplane.tenants.TenantPush;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The flag catalogue, global switches and per-tenant overrides. Every change is audited, evicts the
 * cached effective flags once committed and rewrites the affected tenants' entitlements.
 */
@ApplicationScoped
public class FlagService {

  private final PlanCatalogue plans;
  private final AuditLog audit;
  private final TenantPush push;
  private final EffectiveFlagCache cache;
  private final Event<GlobalFlagsChanged> globalChanged;
  private final Instance<RequestContext> request;

  FlagService(
      PlanCatalogue plans,
      AuditLog audit,
      TenantPush push,
      EffectiveFlagCache cache,
      Event<GlobalFlagsChanged> globalChanged,
      Instance<RequestContext> request) {
    this.plans = plans;
    this.audit = audit;
    this.push = push;
    this.cache = cache;
    this.globalChanged = globalChanged;
    this.request = request;
  }

  @Transactional
  public List<CatalogueEntry> catalogue() {
    return FeatureFlag.<FeatureFlag>listAll(Sort.by("key")).stream()
        .map(CatalogueEntry::of)
        .toList();
  }

  /** Sets ({@code enabled} true or false) or clears (null) a global switch. */
  @Transactional
  public CatalogueEntry setGlobal(String key, Boolean enabled) {
    FeatureFlag flag = flag(key);
    String before = FlagViews.Switch.describe(flag.globalEnabled);
    flag.globalEnabled = enabled;
    flag.updatedAt = Instant.now();
    audit.record(
        AuditEvent.success(
            enabled == null ? "flag.global.clear" : "flag.global.set",
            null,
            key,
            Map.of("from", before, "to", FlagViews.Switch.describe(enabled))));
    push.requestAll();
    globalChanged.fire(new GlobalFlagsChanged());
    return CatalogueEntry.of(flag);
  }

  /** Sets ({@code enabled} true or false) or clears (null) one tenant's override of a flag. */
  @Transactional
  public EffectiveFlags setOverride(String slug, String key, Boolean enabled) {
    TenantRecord tenant = tenant(slug);
    flag(key);
    FlagOverride existing = FlagOverride.findById(new FlagOverride.Key(tenant.id, key));
    String before = existing == null ? "unset" : FlagViews.Switch.describe(existing.enabled);
    if (enabled == null) {
      if (existing != null) {
        existing.delete();
      }
    } else {
      FlagOverride override = existing == null ? new FlagOverride() : existing;
      override.tenantId = tenant.id;
      override.flagKey = key;
      override.enabled = enabled;
      override.updatedAt = Instant.now();
      override.updatedBy = actor();
      if (existing == null) {
        override.persist();
      }
    }
    audit.record(
        AuditEvent.success(
            enabled == null ? "flag.override.clear" : "flag.override.set",
            slug,
            key,
            Map.of("from", before, "to", FlagViews.Switch.describe(enabled))));
    push.request(tenant);
    return compute(tenant);
  }

  /** The effective flags of {@code slug}, from the cache when present. */
  @Transactional
  public EffectiveFlags effective(String slug) {
    return cache.get(slug).orElseGet(() -> cached(tenant(slug)));
  }

  /** The effective flags of {@code tenant} as the database says now, bypassing the cache. */
  @Transactional
  public EffectiveFlags compute(TenantRecord tenant) {
    PlanDefinition plan = plans.get(tenant.plan);
    Map<String, Boolean> overrides =
        FlagOverride.<FlagOverride>list("tenantId", tenant.id).stream()
            .collect(Collectors.toMap(o -> o.flagKey, o -> o.enabled));
    List<EffectiveFlag> flags =
        FeatureFlag.<FeatureFlag>listAll(Sort.by("key")).stream()
            .map(flag -> effectiveOf(flag, stanceOf(plan, flag.key), overrides.get(flag.key)))
            .toList();
    return new EffectiveFlags(tenant.slug, tenant.plan, flags);
  }

  private EffectiveFlags cached(TenantRecord tenant) {
    EffectiveFlags flags = compute(tenant);
    cache.put(tenant.slug, flags);
    return flags;
  }

  private static EffectiveFlag effectiveOf(FeatureFlag flag, PlanStance plan, Boolean override) {
    Decision decision = FlagRule.decide(flag.defaultEnabled, plan, flag.globalEnabled, override);
    return new EffectiveFlag(
        flag.key, decision.enabled(), decision.source(), FlagViews.Switch.describe(override));
  }

  private static PlanStance stanceOf(PlanDefinition plan, String key) {
    if (!PlanCatalogue.allowedFlags(plan).contains(key)) {
      return PlanStance.DISALLOWED;
    }
    return PlanCatalogue.includedFlags(plan).contains(key)
        ? PlanStance.INCLUDED
        : PlanStance.ALLOWED;
  }

  private static FeatureFlag flag(String key) {
    FeatureFlag flag = FeatureFlag.findById(key);
    if (flag == null) {
      throw ProblemException.invalid(
          "key",
          "must be a flag in the catalogue: "
              + FeatureFlag.<FeatureFlag>listAll(Sort.by("key")).stream()
                  .map(f -> f.key)
                  .collect(Collectors.joining(", ")));
    }
    return flag;
  }

  private static TenantRecord tenant(String slug) {
    return TenantRecord.findBySlug(slug)
        .orElseThrow(() -> ProblemException.notFound("tenant " + slug));
  }

  private String actor() {
    return Arc.container().requestContext().isActive() ? request.get().actor() : "system";
  }
}
