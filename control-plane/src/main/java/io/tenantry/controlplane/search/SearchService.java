package io.tenantry.controlplane.search;

import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.search.SearchResult.RankedHit;
import io.tenantry.controlplane.search.SearchResult.Status;
import io.tenantry.controlplane.search.SearchResult.TenantResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Searches every searchable tenant at once and merges what they answer. */
@ApplicationScoped
public class SearchService {

  /** Best score first; ties broken by tenant, then by the tenant's own order. */
  private static final Comparator<RankedHit> RANKING =
      Comparator.comparingDouble(RankedHit::score).reversed().thenComparing(RankedHit::tenant);

  /** Extra wait for the fan-out's own answer beyond its deadline (scheduling slack only). */
  private static final Duration SLACK = Duration.ofSeconds(1);

  private final SearchTargets targets;
  private final FanOut fanOut;
  private final SearchConfig config;
  private final AuditLog audit;

  SearchService(SearchTargets targets, FanOut fanOut, SearchConfig config, AuditLog audit) {
    this.targets = targets;
    this.fanOut = fanOut;
    this.config = config;
    this.audit = audit;
  }

  /** Runs a validated request; blocks its (worker) thread until the deadline at most. */
  public SearchResult search(SearchRequest request) {
    long began = System.nanoTime();
    int limit = request.limit() == null ? config.defaultLimit() : request.limit();
    List<String> types =
        request.types() == null ? List.of() : request.types().stream().distinct().toList();
    SearchTargets.Targets resolved =
        targets.resolve(
            request.tenants() == null ? null : request.tenants().stream().distinct().toList());
    List<TenantResult> asked =
        fanOut
            .search(resolved.ask(), new FanOut.Query(request.query(), types, limit))
            .await()
            .atMost(config.deadline().plus(SLACK));
    SearchResult result = merge(request.query(), limit, asked, resolved.skipped(), began);
    record(result);
    return result;
  }

  private static SearchResult merge(
      String query, int limit, List<TenantResult> asked, Map<String, String> skipped, long began) {
    List<TenantResult> tenants = new ArrayList<>(asked);
    skipped.forEach(
        (slug, why) -> tenants.add(new TenantResult(slug, Status.SKIPPED, why, null, List.of())));
    tenants.sort(Comparator.comparing(TenantResult::tenant));
    List<RankedHit> all = tenants.stream().flatMap(t -> t.hits().stream()).toList();
    List<RankedHit> best = all.stream().sorted(RANKING).limit(limit).toList();
    boolean partial = tenants.stream().anyMatch(t -> !t.ok());
    return new SearchResult(
        query,
        all.size(),
        partial,
        Duration.ofNanos(System.nanoTime() - began).toMillis(),
        best,
        tenants);
  }

  /** Who searched for what, where, and how much came back; never a token or a tenant's URL. */
  @Transactional
  void record(SearchResult result) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("query", result.query());
    payload.put("tenants", result.tenants().size());
    payload.put("hits", result.total());
    payload.put("partial", result.partial());
    payload.put(
        "notOk",
        result.tenants().stream()
            .filter(t -> !t.ok())
            .flatMap(t -> Stream.of(t.tenant() + ":" + t.status().wire()))
            .toList());
    audit.record(AuditEvent.success("platform.search", null, null, payload));
  }
}
