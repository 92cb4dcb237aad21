package io.tenantry.controlplane.search;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.tenantry.controlplane.search.SearchResult.RankedHit;
import io.tenantry.controlplane.search.SearchResult.Status;
import io.tenantry.controlplane.search.SearchResult.TenantResult;
import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenantlink.TenantHit;
import io.tenantry.controlplane.tenantlink.TenantLinkClient;
import io.tenantry.controlplane.tenantlink.TenantLinkException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks many tenants at once without blocking: at most {@code concurrency} calls in flight, each
 * bounded by the per-tenant timeout and by what is left of the overall deadline. When the deadline
 * passes, whatever has not answered is reported as {@code timeout} (or {@code skipped} if it never
 * got a slot) and the answer goes out: no tenant can hold it back.
 */
@ApplicationScoped
public class FanOut {

  /** What to ask each tenant. */
  public record Query(String text, List<String> types, int limit) {}

  private final TenantLinkClient client;
  private final SearchConfig config;
  private final SearchMetrics metrics;

  FanOut(TenantLinkClient client, SearchConfig config, SearchMetrics metrics) {
    this.client = client;
    this.config = config;
    this.metrics = metrics;
  }

  /** One result per target, in the targets' order. */
  public Uni<List<TenantResult>> search(List<TenantEndpoints.Resolved> targets, Query query) {
    return search(targets, query, config.perTenantTimeout(), config.deadline());
  }

  /** As {@link #search(List, Query)} with explicit bounds (benchmarks compare settings). */
  public Uni<List<TenantResult>> search(
      List<TenantEndpoints.Resolved> targets, Query query, Duration perTenant, Duration deadline) {
    return search(targets, query, perTenant, deadline, config.concurrency());
  }

  /** As above with at most {@code concurrency} calls in flight. */
  Uni<List<TenantResult>> search(
      List<TenantEndpoints.Resolved> targets,
      Query query,
      Duration perTenant,
      Duration deadline,
      int concurrency) {
    Run run = new Run(System.nanoTime(), perTenant, deadline, targets, query);
    return Uni.createFrom()
        .<Void>emitter(emitter -> run.start(emitter, Math.max(1, concurrency)))
        .ifNoItem()
        .after(deadline)
        .recoverWithItem(() -> null)
        .map(ignored -> run.results(targets));
  }

  /**
   * The state of one fan-out. Calls are started by hand rather than through a Mutiny merge: the
   * merge's drain loop walks every call in flight on each answer, a quadratic cost that was 8% of
   * the CPU of a 1000-tenant search.
   */
  private final class Run {
    final long began;
    final Duration perTenant;
    final Duration deadline;
    final List<TenantEndpoints.Resolved> targets;
    final TenantLinkClient.Search search;
    final Map<String, Long> started = new ConcurrentHashMap<>();
    final Map<String, TenantResult> finished = new ConcurrentHashMap<>();

    /** The next target to ask. */
    final AtomicInteger next = new AtomicInteger();

    /** Calls that have not answered yet, or not started. */
    final AtomicInteger pending;

    /** Free slots not yet used to start a call. */
    final AtomicInteger free = new AtomicInteger();

    /** Who is starting calls: only one thread at a time, the others leave their slots to it. */
    final AtomicInteger starting = new AtomicInteger();

    /** Set when the answer goes out: no call starts after that (the rest are skipped). */
    volatile boolean over;

    UniEmitter<? super Void> done;

    Run(
        long began,
        Duration perTenant,
        Duration deadline,
        List<TenantEndpoints.Resolved> targets,
        Query query) {
      this.began = began;
      this.perTenant = perTenant;
      this.deadline = deadline;
      this.targets = targets;
      this.search = client.search(query.text(), query.types(), query.limit());
      this.pending = new AtomicInteger(targets.size());
    }

    void start(UniEmitter<? super Void> emitter, int concurrency) {
      done = emitter;
      emitter.onTermination(() -> over = true);
      if (targets.isEmpty()) {
        emitter.complete(null);
        return;
      }
      startCalls(concurrency);
    }

    /**
     * Uses {@code slots} to start calls. A call that answers at once frees its slot inside this
     * loop, so the loop, not the stack, takes it over: a long run of instant failures cannot
     * overflow the stack.
     */
    void startCalls(int slots) {
      free.addAndGet(slots);
      if (starting.getAndIncrement() != 0) {
        return;
      }
      do {
        while (!over && free.get() > 0) {
          int index = next.getAndIncrement();
          if (index >= targets.size()) {
            break;
          }
          free.decrementAndGet();
          ask(targets.get(index));
        }
      } while (starting.decrementAndGet() != 0);
    }

    void answered(TenantResult result) {
      finished.put(result.tenant(), result);
      if (pending.decrementAndGet() == 0) {
        done.complete(null);
      } else {
        startCalls(1);
      }
    }

    /** Starts one call; its result, whatever happens, goes to {@link #answered}. */
    void ask(TenantEndpoints.Resolved target) {
      long start = System.nanoTime();
      started.put(target.slug(), start);
      Duration budget = min(perTenant, deadline.minusNanos(start - began));
      if (budget.isNegative() || budget.isZero()) {
        answered(timedOut(target.slug(), start));
        return;
      }
      Future<List<TenantHit>> call;
      try {
        call = search.ask(target, budget);
      } catch (RuntimeException e) {
        answered(unexpected(target.slug(), e));
        return;
      }
      call.onComplete(done -> answered(resultOf(target.slug(), done, start)));
    }

    private TenantResult resultOf(String slug, AsyncResult<List<TenantHit>> done, long start) {
      try {
        return done.succeeded()
            ? ok(slug, done.result(), start)
            : failed(slug, done.cause(), start);
      } catch (RuntimeException e) {
        return unexpected(slug, e);
      }
    }

    List<TenantResult> results(List<TenantEndpoints.Resolved> targets) {
      List<TenantResult> results =
          targets.stream()
              .map(
                  target -> {
                    TenantResult done = finished.get(target.slug());
                    if (done != null) {
                      return done;
                    }
                    Long start = started.get(target.slug());
                    return start == null
                        ? new TenantResult(
                            target.slug(),
                            Status.SKIPPED,
                            "deadline passed before its turn",
                            null,
                            List.of())
                        : timedOut(target.slug(), start);
                  })
              .toList();
      metrics.fanOut(Duration.ofNanos(System.nanoTime() - began));
      return results;
    }

    private TenantResult ok(String slug, List<TenantHit> hits, long start) {
      List<RankedHit> ranked =
          hits.stream()
              .map(h -> new RankedHit(slug, h.type(), h.id(), h.title(), h.subtitle(), h.score()))
              .toList();
      return new TenantResult(slug, Status.OK, null, millisSince(start), ranked);
    }

    private TenantResult failed(String slug, Throwable failure, long start) {
      if (failure instanceof TenantLinkException link
          && link.kind() == TenantLinkException.Kind.TIMEOUT) {
        return timedOut(slug, start);
      }
      metrics.tenantError(slug);
      String reason =
          failure instanceof TenantLinkException link ? link.reason() : "request failed";
      return new TenantResult(slug, Status.ERROR, reason, millisSince(start), List.of());
    }

    /** A failure no result was made of: still that tenant's error alone. */
    private TenantResult unexpected(String slug, Throwable failure) {
      metrics.tenantError(slug);
      return new TenantResult(slug, Status.ERROR, "request failed", null, List.of());
    }

    private TenantResult timedOut(String slug, long start) {
      metrics.tenantTimeout(slug);
      return new TenantResult(
          slug, Status.TIMEOUT, "no answer in time", millisSince(start), List.of());
    }
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
