package io.tenantry.controlplane.search;

import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenants.LifecycleState;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.crds.v1alpha1.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which tenants a search asks: those Ready and not suspended, optionally only some of them. Every
 * other live tenant (or named one) is skipped with its reason, so the answer says it is partial.
 */
@ApplicationScoped
public class SearchTargets {

  /** Tenants to ask, and those named in the request that cannot be asked (with why). */
  public record Targets(List<TenantEndpoints.Resolved> ask, Map<String, String> skipped) {}

  private final TenantEndpoints endpoints;

  SearchTargets(TenantEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** {@code requested} null means every searchable tenant. */
  @Transactional
  public Targets resolve(List<String> requested) {
    List<TenantRecord> candidates =
        requested == null
            // every live tenant, so one that cannot be asked is reported as skipped, not left out
            ? TenantRecord.list(
                "state in ?1", List.of(LifecycleState.ACTIVE, LifecycleState.SUSPENDED))
            : TenantRecord.list("slug in ?1", new TreeSet<>(requested));
    Map<String, String> skipped = new java.util.TreeMap<>();
    if (requested != null) {
      requested.forEach(slug -> skipped.put(slug, "unknown tenant"));
    }
    List<String> ask = new ArrayList<>();
    for (TenantRecord tenant : candidates) {
      skipped.remove(tenant.slug);
      String why = whyNotSearchable(tenant);
      if (why == null) {
        ask.add(tenant.slug);
      } else {
        skipped.put(tenant.slug, why);
      }
    }
    Map<String, TenantEndpoints.Resolved> resolved = endpoints.resolveAll(ask);
    return new Targets(
        ask.stream()
            .map(resolved::get)
            .sorted(Comparator.comparing(TenantEndpoints.Resolved::slug))
            .toList(),
        skipped);
  }

  /** The slugs of every tenant a search without a tenant list would ask. */
  @Transactional
  public List<String> searchable() {
    return TenantRecord.<TenantRecord>list(
            "state = ?1 and phase = ?2", LifecycleState.ACTIVE, Phase.Ready.name())
        .stream()
        .map(tenant -> tenant.slug)
        .toList();
  }

  private static String whyNotSearchable(TenantRecord tenant) {
    if (tenant.state != LifecycleState.ACTIVE) {
      return "tenant is " + tenant.state.value();
    }
    if (!Phase.Ready.name().equals(tenant.phase)) {
      return "tenant is not Ready (phase " + tenant.phase + ")";
    }
    return null;
  }
}
