package io.tenantry.controlplane.tenantlink;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tenantry.common.causes.Causes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Calls the internal API of tenant apps (contracts.md, "Tenant app internal API") without blocking:
 * every call carries a service token for that tenant and fails with a {@link TenantLinkException}
 * (timeout or error with a short reason) rather than anything else.
 *
 * <p>The Vert.x client, not the JDK's: with a thousand tenant connections open, the JDK client
 * spent most of a fan-out's CPU in its own bookkeeping (a global lock per request in its
 * authentication filter, a linear walk of the whole connection pool each time a connection is
 * returned), over half the CPU of a 1000-tenant search. Vert.x keeps a pool per tenant app on its
 * event loops.
 */
@ApplicationScoped
public class TenantLinkClient {

  private static final String JSON = "application/json";

  /**
   * Connections to one tenant app: one per call in flight, never a queue behind another search's
   * call (the fan-out's concurrency bounds the calls; this is only a ceiling).
   */
  private static final int CONNECTIONS_PER_TENANT = 1024;

  /** Event loops the tenants are spread over: one per core, and at least two. */
  private static final int EVENT_LOOPS = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** The body of {@code GET /internal/v1/search}. */
  record SearchBody(List<TenantHit> hits) {}

  /** What a tenant app answered, read in full. */
  private record Answer(int status, Buffer body) {}

  private final ServiceTokens tokens;
  private final TenantEndpoints endpoints;
  private final ObjectMapper json;
  private final ExecutorService signers = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final Vertx vertx;

  /**
   * Each tenant's calls run on one of these event loops, chosen by its slug: the request is
   * written, its connection kept and its answer read and parsed on that loop alone. A fan-out's
   * calls start on the search's worker thread; had they been made there, Vert.x would have run
   * every answer's handling on that thread's one event loop (a profile at N = 1000 found one loop
   * with twice the other's CPU, and the last calls written 20-35 ms after the first).
   */
  private final ContextInternal[] loops;

  TenantLinkClient(
      ServiceTokens tokens,
      TenantEndpoints endpoints,
      TenantLinkConfig config,
      ObjectMapper json,
      Vertx vertx) {
    this.tokens = tokens;
    this.endpoints = endpoints;
    this.vertx = vertx;
    // Tenant apps may add fields to their answers without breaking the platform.
    this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setKeepAliveTimeout(Math.toIntExact(config.idleConnectionTimeout().toSeconds()))
                .setTryUseCompression(false),
            new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_TENANT));
    // Created here, not taken from the caller: a connection opens on the loop of the context that
    // asks for it, so a tenant's connection lives on its own loop.
    this.loops =
        IntStream.range(0, EVENT_LOOPS)
            .mapToObj(i -> ((VertxInternal) vertx).createEventLoopContext())
            .toArray(ContextInternal[]::new);
  }

  @PreDestroy
  void close() {
    http.close();
    signers.close();
  }

  /** Searches one tenant, resolving its endpoint first (a database read: not on an event loop). */
  public Uni<List<TenantHit>> search(
      String slug, String query, Collection<String> types, int limit, Duration timeout) {
    return search(endpoints.resolve(slug), query, types, limit, timeout);
  }

  /** Searches one tenant at an already resolved endpoint; hits best first, as the tenant sent. */
  public Uni<List<TenantHit>> search(
      TenantEndpoints.Resolved target,
      String query,
      Collection<String> types,
      int limit,
      Duration timeout) {
    Search search = search(query, types, limit);
    return asUni(() -> search.ask(target, timeout));
  }

  /** A search to ask of many tenants, its query string built once rather than once per tenant. */
  public Search search(String query, Collection<String> types, int limit) {
    StringBuilder params = new StringBuilder("q=").append(encode(query));
    if (types != null && !types.isEmpty()) {
      params.append("&types=").append(encode(String.join(",", types)));
    }
    params.append("&limit=").append(limit);
    return new Search("/internal/v1/search?" + params);
  }

  /**
   * One search, asked of each tenant with {@link #ask}: a plain Vert.x future per tenant, no Mutiny
   * pipeline. Each Mutiny operator captures and restores the caller's context for its callback, and
   * a fan-out builds a pipeline per tenant on its request thread: at a thousand tenants that was
   * most of the time it took to send the calls, time the slowest tenant's answer waits behind.
   */
  public final class Search {

    private final String pathAndQuery;

    private Search(String pathAndQuery) {
      this.pathAndQuery = pathAndQuery;
    }

    /** The tenant's hits, best first; fails only with a {@link TenantLinkException}. */
    public Future<List<TenantHit>> ask(TenantEndpoints.Resolved target, Duration timeout) {
      return call(target, pathAndQuery, ServiceTokens.SEARCH, timeout)
          .map(body -> hitsOf(read(body, SearchBody.class)));
    }
  }

  /** One tenant's usage, resolving its endpoint first (a database read: not on an event loop). */
  public Uni<TenantUsage> usage(String slug, Duration timeout) {
    return usage(endpoints.resolve(slug), timeout);
  }

  public Uni<TenantUsage> usage(TenantEndpoints.Resolved target, Duration timeout) {
    return asUni(
        () ->
            call(target, "/internal/v1/usage", ServiceTokens.USAGE, timeout)
                .map(body -> read(body, TenantUsage.class)));
  }

  /** A call made when the Uni is subscribed to, failing with a {@link TenantLinkException}. */
  private static <T> Uni<T> asUni(Supplier<Future<T>> call) {
    return Uni.createFrom()
        .completionStage(() -> call.get().toCompletionStage())
        .onFailure()
        .transform(TenantLinkClient::classify);
  }

  /**
   * The body of a 2xx answer within {@code timeout}, else a {@link TenantLinkException}. The token
   * is taken when the call starts, so a reused one has at least half its lifetime left then.
   */
  private Future<Buffer> call(
      TenantEndpoints.Resolved target, String pathAndQuery, String scope, Duration timeout) {
    Promise<Answer> answer = Promise.promise();
    ContextInternal loop = loops[Math.floorMod(target.slug().hashCode(), loops.length)];
    loop.runOnContext(ignored -> begin(loop, target, pathAndQuery, scope, timeout, answer));
    return answer
        .future()
        .transform(
            done ->
                done.succeeded()
                    ? Future.succeededFuture(done.result())
                    : Future.failedFuture(classify(done.cause())))
        .map(TenantLinkClient::successBody);
  }

  /** Starts a call on the tenant's {@code loop}, its timer included. */
  private void begin(
      ContextInternal loop,
      TenantEndpoints.Resolved target,
      String pathAndQuery,
      String scope,
      Duration timeout,
      Promise<Answer> answer) {
    // The whole call, connecting included; the request's idle timeout alone would not bound that.
    long timer =
        vertx.setTimer(
            Math.max(1, timeout.toMillis()),
            id -> answer.tryFail(TenantLinkException.timeout(timeout)));
    answer.future().onComplete(done -> vertx.cancelTimer(timer));
    Optional<String> ready = tokens.ready(target.slug(), scope);
    if (ready.isPresent()) {
      send(target, pathAndQuery, ready.get(), timeout, answer);
      return;
    }
    // No token signed ahead (a usage call, a tenant Ready for a moment): signing costs a fraction
    // of a millisecond of CPU, done on a virtual thread so that a fan-out signs on every core at
    // once and never on an event loop; the request is then sent from the tenant's loop again.
    try {
      signers.execute(
          () -> {
            try {
              String token = tokens.forCall(target.slug(), scope);
              loop.runOnContext(ignored -> send(target, pathAndQuery, token, timeout, answer));
            } catch (RuntimeException e) {
              answer.tryFail(e);
            }
          });
    } catch (RejectedExecutionException e) {
      answer.tryFail(e);
    }
  }

  /** Sends the request; its answer, read in full, or its failure goes to {@code answer}. */
  private void send(
      TenantEndpoints.Resolved target,
      String pathAndQuery,
      String token,
      Duration timeout,
      Promise<Answer> answer) {
    try {
      RequestOptions request =
          requestTo(target.baseUrl(), pathAndQuery)
              .setMethod(HttpMethod.GET)
              .setIdleTimeout(timeout.toMillis())
              .putHeader("Authorization", "Bearer " + token)
              .putHeader("Accept", JSON);
      http.request(request)
          .compose(
              sent ->
                  sent.send()
                      .compose(
                          response ->
                              response.body().map(body -> new Answer(response.statusCode(), body))))
          .onComplete(
              done -> {
                if (done.succeeded()) {
                  answer.tryComplete(done.result());
                } else {
                  answer.tryFail(done.cause());
                }
              });
    } catch (RuntimeException e) {
      answer.tryFail(e);
    }
  }

  /**
   * Where to send {@code pathAndQuery}, from the tenant's already parsed base URL: parsing the
   * whole URL again for every call (twice: ours and the client's) was a fifth of the time a
   * thousand-tenant fan-out took to send its calls.
   */
  static RequestOptions requestTo(URI base, String pathAndQuery) {
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new RequestOptions()
        .setSsl(tls)
        .setHost(base.getHost())
        .setPort(base.getPort() != -1 ? base.getPort() : tls ? 443 : 80)
        .setURI(path + pathAndQuery);
  }

  private static Buffer successBody(Answer answer) {
    if (answer.status() / 100 != 2) {
      throw TenantLinkException.error("HTTP " + answer.status());
    }
    return answer.body();
  }

  private <T> T read(Buffer body, Class<T> type) {
    try {
      T value = json.readValue(body.getBytes(), type);
      if (value == null) {
        throw TenantLinkException.error("malformed response");
      }
      return value;
    } catch (IOException e) {
      throw TenantLinkException.error("malformed response", e);
    }
  }

  private static List<TenantHit> hitsOf(SearchBody body) {
    if (body.hits() == null
        || body.hits().stream().anyMatch(hit -> hit == null || !hit.isWellFormed())) {
      throw TenantLinkException.error("malformed response");
    }
    return body.hits();
  }

  static TenantLinkException classify(Throwable failure) {
    Throwable cause = Causes.unwrap(failure, CompletionException.class);
    return switch (cause) {
      case TenantLinkException known -> known;
      // Vert.x's idle timeout on the request: nothing came back in time
      case TimeoutException e ->
          new TenantLinkException(TenantLinkException.Kind.TIMEOUT, "no answer in time", e);
      // refused, or no connection within the connect timeout (Netty's is a ConnectException too)
      case ConnectException e -> TenantLinkException.error("unreachable", e);
      case UnknownHostException e -> TenantLinkException.error("unreachable", e);
      case HttpClosedException e -> TenantLinkException.error("connection failed", e);
      case IOException e -> TenantLinkException.error("connection failed", e);
      default -> TenantLinkException.error("request failed", cause);
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
