package io.tenantry.controlplane.tenantlink;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tenantry.common.causes.Causes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Calls the internal API of tenant apps (contracts.md, "Tenant app internal API") without blocking:
 * every call carries a freshly minted service token for that tenant and fails with a {@link
 * TenantLinkException} (timeout or error with a short reason) rather than anything else.
 */
@ApplicationScoped
public class TenantLinkClient {

  private static final String JSON = "application/json";

  /** The body of {@code GET /internal/v1/search}. */
  record SearchBody(List<TenantHit> hits) {}

  private final ServiceTokens tokens;
  private final TenantEndpoints endpoints;
  private final ObjectMapper json;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;

  TenantLinkClient(
      ServiceTokens tokens, TenantEndpoints endpoints, TenantLinkConfig config, ObjectMapper json) {
    this.tokens = tokens;
    this.endpoints = endpoints;
    // Tenant apps may add fields to their answers without breaking the platform.
    this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.connectTimeout())
            .executor(executor)
            .build();
  }

  @PreDestroy
  void close() {
    http.close();
    executor.close();
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
    StringBuilder params = new StringBuilder("q=").append(encode(query));
    if (types != null && !types.isEmpty()) {
      params.append("&types=").append(encode(String.join(",", types)));
    }
    params.append("&limit=").append(limit);
    return call(target, "/internal/v1/search?" + params, ServiceTokens.SEARCH, timeout)
        .map(body -> hitsOf(read(body, SearchBody.class)));
  }

  /** One tenant's usage, resolving its endpoint first (a database read: not on an event loop). */
  public Uni<TenantUsage> usage(String slug, Duration timeout) {
    return usage(endpoints.resolve(slug), timeout);
  }

  public Uni<TenantUsage> usage(TenantEndpoints.Resolved target, Duration timeout) {
    return call(target, "/internal/v1/usage", ServiceTokens.USAGE, timeout)
        .map(body -> read(body, TenantUsage.class));
  }

  private Uni<byte[]> call(
      TenantEndpoints.Resolved target, String pathAndQuery, String scope, Duration timeout) {
    return Uni.createFrom()
        .deferred(
            () -> {
              // Taken when the call starts, not when it is queued: a reused token has at least half
              // its lifetime left then.
              HttpRequest request =
                  HttpRequest.newBuilder(uriOf(target.baseUrl(), pathAndQuery))
                      .timeout(timeout)
                      .header("Authorization", "Bearer " + tokens.forCall(target.slug(), scope))
                      .header("Accept", JSON)
                      .GET()
                      .build();
              return Uni.createFrom()
                  .completionStage(
                      http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
            })
        // Signing, when a token is due, costs a fraction of a millisecond of CPU: done on a virtual
        // thread, a fan-out signs on every core at once and never on the caller's thread.
        .runSubscriptionOn(executor)
        .ifNoItem()
        .after(timeout)
        .failWith(() -> TenantLinkException.timeout(timeout))
        .onFailure()
        .transform(TenantLinkClient::classify)
        .map(TenantLinkClient::successBody);
  }

  private static URI uriOf(URI base, String pathAndQuery) {
    String root = base.toString();
    return URI.create(
        (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
  }

  private static byte[] successBody(HttpResponse<byte[]> response) {
    if (response.statusCode() / 100 != 2) {
      throw TenantLinkException.error("HTTP " + response.statusCode());
    }
    return response.body();
  }

  private <T> T read(byte[] body, Class<T> type) {
    try {
      T value = json.readValue(body, type);
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
      case HttpConnectTimeoutException e -> TenantLinkException.error("unreachable", e);
      case HttpTimeoutException e ->
          new TenantLinkException(TenantLinkException.Kind.TIMEOUT, "no answer in time", e);
      case ConnectException e -> TenantLinkException.error("unreachable", e);
      case IOException e -> TenantLinkException.error("connection failed", e);
      default -> TenantLinkException.error("request failed", cause);
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
