package io.tenantry.controlplane.search;

import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenants.LifecycleState;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.crds.v1alpha1.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * {@code requested} null means every searchable tenant. One query reads each candidate's state,
   * phase and stored endpoint together, as plain values: loading a thousand tenant entities (and
   * dirty-checking them at commit) and then their endpoints by a thousand-slug list took several
   * milliseconds of CPU on every search's critical path.
   */
  @Transactional
  public Targets resolve(List<String> requested) {
    List<Object[]> candidates =
        requested == null
            // every live tenant, so one that cannot be asked is reported as skipped, not left out
            ? rows("t.state in :which", List.of(LifecycleState.ACTIVE, LifecycleState.SUSPENDED))
            : rows("t.slug in :which", new TreeSet<>(requested));
    Map<String, String> skipped = new TreeMap<>();
    if (requested != null) {
      requested.forEach(slug -> skipped.put(slug, "unknown tenant"));
    }
    List<TenantEndpoints.Resolved> ask = new ArrayList<>();
    for (Object[] row : candidates) {
      String slug = (String) row[0];
      skipped.remove(slug);
      String why = whyNotSearchable((LifecycleState) row[1], (String) row[2]);
      if (why == null) {
        ask.add(endpoints.at(slug, (String) row[3]));
      } else {
        skipped.put(slug, why);
      }
    }
    ask.sort(Comparator.comparing(TenantEndpoints.Resolved::slug));
    return new Targets(List.copyOf(ask), skipped);
  }

  /** Slug, state, phase and stored endpoint URL (or null) of the tenants {@code where} selects. */
  private static List<Object[]> rows(String where, Collection<?> which) {
    return TenantRecord.getEntityManager()
        .createQuery(
            "select t.slug, t.state, t.phase, e.internalUrl from TenantRecord t"
                + " left join TenantEndpoint e on e.slug = t.slug where "
                + where,
            Object[].class)
        .setParameter("which", which)
        .getResultList();
  }

  /** The slugs of every tenant a search without a tenant list would ask (slugs only, no entity). */
  @Transactional
  public List<String> searchable() {
    return TenantRecord.getEntityManager()
        .createQuery(
            "select t.slug from TenantRecord t where t.state = :state and t.phase = :phase",
            String.class)
        .setParameter("state", LifecycleState.ACTIVE)
        .setParameter("phase", Phase.Ready.name())
        .getResultList();
  }

  private static String whyNotSearchable(LifecycleState state, String phase) {
    if (state != LifecycleState.ACTIVE) {
      return "tenant is " + state.value();
    }
    if (!Phase.Ready.name().equals(phase)) {
      return "tenant is not Ready (phase " + phase + ")";
    }
    return null;
  }
}
