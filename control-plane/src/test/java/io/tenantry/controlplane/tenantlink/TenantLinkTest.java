package io.tenantry.controlplane.tenantlink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class TenantLinkTest {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);
  private static WireMockServer tenantApp;

  @Inject TestPlatform platform;
  @Inject TenantFixtures tenants;
  @Inject ServiceTokens tokens;
  @Inject TenantEndpoints endpoints;
  @Inject TenantLinkClient client;
  @Inject JWTParser parser;
  @Inject Vertx vertx;

  @BeforeAll
  static void startTenantApp() {
    tenantApp = new WireMockServer(wireMockConfig().dynamicPort());
    tenantApp.start();
  }

  @AfterAll
  static void stopTenantApp() {
    if (tenantApp != null) {
      tenantApp.stop();
    }
  }

  @BeforeEach
  void reset() {
    platform.reset();
    tenantApp.resetAll();
  }

  private JsonWebToken verifyFor(String token, String slug) throws ParseException {
    JWTAuthContextInfo info =
        new JWTAuthContextInfo(platform.keys().publicKey(), TestPlatform.ISSUER);
    info.setExpectedAudience(Set.of("tenant:" + slug));
    info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
    return parser.parse(token, info);
  }

  private TenantEndpoints.Resolved stub() {
    return new TenantEndpoints.Resolved(
        "acme", URI.create("http://127.0.0.1:" + tenantApp.port()), "test");
  }

  @Test
  void aServiceTokenIsSignedByThePlatformForOneTenantWithItsScopesForSixtySeconds()
      throws ParseException {
    JsonWebToken jwt =
        verifyFor(tokens.mint("acme", ServiceTokens.SEARCH, ServiceTokens.USAGE), "acme");

    assertThat(jwt.getIssuer()).isEqualTo("https://tenantry.io/platform");
    assertThat(jwt.getAudience()).containsExactly("tenant:acme");
    assertThat(jwt.<Object>getClaim("scope").toString()).contains("tenant:search tenant:usage");
    assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(60);
  }

  @Test
  void aCallReusesItsTokenForHalfItsLifetimeForTheSameTenantAndScopesOnly() {
    // tenants no other test calls, so that no token is cached for them yet
    java.time.Instant now = java.time.Instant.now();
    String first = tokens.forCall(now, "reuse-a", ServiceTokens.SEARCH);

    assertThat(tokens.forCall(now.plusSeconds(29), "reuse-a", ServiceTokens.SEARCH))
        .isEqualTo(first);
    assertThat(tokens.forCall(now, "reuse-b", ServiceTokens.SEARCH)).isNotEqualTo(first);
    assertThat(tokens.forCall(now, "reuse-a", ServiceTokens.USAGE)).isNotEqualTo(first);
    // renewed once half of the 60 s have passed, so no call gets a token about to expire
    String renewed = tokens.forCall(now.plusSeconds(30), "reuse-a", ServiceTokens.SEARCH);
    assertThat(renewed).isNotEqualTo(first);
    assertThat(tokens.forCall(now.plusSeconds(31), "reuse-a", ServiceTokens.SEARCH))
        .isEqualTo(renewed);
  }

  @Test
  void aPreparedTokenIsHandedOutWithoutSigningAndRenewedAheadOfItsReusePeriodsEnd() {
    java.time.Instant now = java.time.Instant.now();
    Duration ahead = Duration.ofSeconds(10);

    assertThat(tokens.prepare(now, List.of("prep-a", "prep-b"), ahead, ServiceTokens.SEARCH))
        .isEqualTo(2);
    String prepared = tokens.ready(now, "prep-a", ServiceTokens.SEARCH).orElseThrow();
    assertThat(tokens.forCall(now.plusSeconds(19), "prep-a", ServiceTokens.SEARCH))
        .isEqualTo(prepared);
    // more than `ahead` of its 30 s reuse left: nothing to sign
    assertThat(tokens.prepare(now.plusSeconds(19), List.of("prep-a"), ahead, ServiceTokens.SEARCH))
        .isZero();
    // `ahead` or less left: renewed before any call has to
    assertThat(tokens.prepare(now.plusSeconds(20), List.of("prep-a"), ahead, ServiceTokens.SEARCH))
        .isEqualTo(1);
    String renewed = tokens.forCall(now.plusSeconds(31), "prep-a", ServiceTokens.SEARCH);
    assertThat(renewed).isNotEqualTo(prepared);
    assertThat(tokens.ready(now.plusSeconds(31), "prep-a", ServiceTokens.SEARCH)).contains(renewed);
    assertThat(tokens.ready(now, "prep-a", ServiceTokens.USAGE)).isEmpty();
  }

  @Test
  void tokensSignedTogetherAreRenewedAFewPerRunNeverAllInTheSameRun() {
    java.time.Instant now = java.time.Instant.now();
    List<String> slugs =
        java.util.stream.IntStream.range(0, 56).mapToObj(i -> "even-" + i).toList();
    Duration ahead = Duration.ofSeconds(2);
    Duration every = Duration.ofSeconds(1);

    // none signed yet: all of them at once (start-up)
    assertThat(tokens.prepareEvenly(now, slugs, ahead, every, ServiceTokens.SEARCH)).isEqualTo(56);
    // 56 tokens over the 28 s between a token's signing and `ahead` before its 30 s reuse ends:
    // 2 a run, before and after the moment they would all have come due together
    int total = 0;
    for (int second = 1; second <= 60; second++) {
      java.time.Instant at = now.plusSeconds(second);
      int signed = tokens.prepareEvenly(at, slugs, ahead, every, ServiceTokens.SEARCH);
      assertThat(signed).as("signed in the run at +%d s", second).isEqualTo(2);
      total += signed;
      assertThat(slugs).allMatch(slug -> tokens.ready(at, slug, ServiceTokens.SEARCH).isPresent());
    }
    // about one signature per token per reuse period, as without spreading
    assertThat(total).isEqualTo(120);
  }

  @Test
  void aSingleTenantsTokenIsRenewedOncePerReusePeriodNotEveryRun() {
    java.time.Instant now = java.time.Instant.now();
    List<String> slugs = List.of("alone");
    Duration ahead = Duration.ofSeconds(2);
    Duration every = Duration.ofSeconds(1);
    assertThat(tokens.prepareEvenly(now, slugs, ahead, every, ServiceTokens.USAGE)).isEqualTo(1);
    String first = tokens.ready(now, "alone", ServiceTokens.USAGE).orElseThrow();

    int total = 0;
    for (int second = 1; second <= 60; second++) {
      java.time.Instant at = now.plusSeconds(second);
      total += tokens.prepareEvenly(at, slugs, ahead, every, ServiceTokens.USAGE);
      assertThat(tokens.ready(at, "alone", ServiceTokens.USAGE)).isPresent();
      if (second == 1) {
        assertThat(tokens.ready(at, "alone", ServiceTokens.USAGE)).contains(first);
      }
    }
    // 60 s over the 28 s between a token's signing and `ahead` before its 30 s reuse ends
    assertThat(total).isEqualTo(2);
  }

  @Test
  void aCallGoesToTheBaseUrlsHostPortAndPathWhateverItsScheme() {
    var plain = TenantLinkClient.requestTo(URI.create("http://127.0.0.1:8081/good/"), "/x?q=1");
    assertThat(plain.getHost()).isEqualTo("127.0.0.1");
    assertThat(plain.getPort()).isEqualTo(8081);
    assertThat(plain.isSsl()).isFalse();
    assertThat(plain.getURI()).isEqualTo("/good/x?q=1");
    var tls = TenantLinkClient.requestTo(URI.create("https://app.tenant-acme.svc"), "/x");
    assertThat(tls.getPort()).isEqualTo(443);
    assertThat(tls.isSsl()).isTrue();
    assertThat(tls.getURI()).isEqualTo("/x");
    assertThat(TenantLinkClient.requestTo(URI.create("http://app.tenant-acme.svc"), "/x").getPort())
        .isEqualTo(80);
  }

  /**
   * A fan-out starts its calls on the search's worker thread. Each tenant's call must still be
   * sent, and its answer read, on an event loop of that tenant's own, or every answer of a
   * thousand-tenant search is handled on the worker's one loop, one core.
   */
  @Test
  void callsStartedOnOneWorkerThreadAreAnsweredOnSeveralEventLoopsEachTenantAlwaysOnTheSame()
      throws Exception {
    // the tenant apps' servers on a Vert.x of their own, as they are other processes
    Vertx tenantApps = Vertx.vertx();
    try {
      List<TenantEndpoints.Resolved> targets = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        HttpServer server =
            tenantApps
                .createHttpServer()
                .requestHandler(request -> request.response().end("{\"hits\":[]}"))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        targets.add(
            new TenantEndpoints.Resolved(
                "loop-" + i, URI.create("http://127.0.0.1:" + server.actualPort()), "test"));
      }
      List<String> first = answeringThreads(targets);
      List<String> second = answeringThreads(targets);

      assertThat(first).allMatch(thread -> thread.startsWith("vert.x-eventloop-thread-"));
      assertThat(Set.copyOf(first)).hasSizeGreaterThanOrEqualTo(2);
      assertThat(second).isEqualTo(first);
    } finally {
      tenantApps.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** The thread each target's search answer completed on, all asked from one worker thread. */
  private List<String> answeringThreads(List<TenantEndpoints.Resolved> targets) throws Exception {
    TenantLinkClient.Search search = client.search("x", List.of(), 5);
    return vertx
        .getOrCreateContext()
        .executeBlocking(
            () ->
                targets.stream()
                    .map(target -> search.ask(target, ONE_SECOND).map(hits -> currentThread()))
                    .toList())
        .compose(Future::all)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .list();
  }

  private static String currentThread() {
    return Thread.currentThread().getName();
  }

  @Test
  void aServiceTokenForOneTenantIsRefusedAsAnothersAudience() {
    String token = tokens.mint("acme", ServiceTokens.SEARCH);

    assertThatThrownBy(() -> verifyFor(token, "globex")).isInstanceOf(ParseException.class);
  }

  @Test
  void aTenantWithoutOverrideIsReachedAtItsServiceInItsNamespace() {
    assertThat(endpoints.resolve("acme"))
        .isEqualTo(
            new TenantEndpoints.Resolved(
                "acme", URI.create("http://tenant-app.tenant-acme.svc.cluster.local"), "template"));
  }

  @Test
  void aConfiguredOverrideReplacesTheTemplate() {
    // %test.tenantry.tenant-link.endpoints.configured in application.properties
    assertThat(endpoints.resolve("configured").baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:18080"));
    assertThat(endpoints.resolve("configured").source()).isEqualTo("configured");
  }

  @Test
  void aStoredOverrideWinsUntilItIsCleared() {
    tenants.ready("acme");
    String admin = platform.tokenFor(Role.ADMIN);

    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body("{\"internalUrl\":\"http://127.0.0.1:9999\"}")
        .put("/api/v1/platform/tenant-endpoints/acme")
        .then()
        .statusCode(200)
        .body("source", equalTo("stored"));
    assertThat(endpoints.resolve("acme").baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
    assertThat(AuditEntry.count("action", "tenant.endpoint.stored")).isEqualTo(1);

    given()
        .auth()
        .oauth2(admin)
        .delete("/api/v1/platform/tenant-endpoints/acme")
        .then()
        .statusCode(200)
        .body("source", equalTo("template"))
        .body("internalUrl", equalTo("http://tenant-app.tenant-acme.svc.cluster.local"));
  }

  @Test
  void anOverrideWithCredentialsInTheUrlIsRefusedNamingTheField() {
    tenants.ready("acme");

    given()
        .auth()
        .oauth2(platform.tokenFor(Role.ADMIN))
        .contentType(ContentType.JSON)
        .body("{\"internalUrl\":\"http://user:secret@127.0.0.1:9999\"}")
        .put("/api/v1/platform/tenant-endpoints/acme")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("internalUrl"));
    assertThat(endpoints.resolve("acme").source()).isEqualTo("template");
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1:8080",
        "http://metadata.google.internal",
        "https://attacker.example.com",
        "http://tenant-app.tenant-acme.svc.evil.example"
      })
  void anOverrideOutsideTheClustersServicesAndTheAllowListIsRefused(String url) {
    tenants.ready("acme");

    given()
        .auth()
        .oauth2(platform.tokenFor(Role.ADMIN))
        .contentType(ContentType.JSON)
        .body("{\"internalUrl\":\"" + url + "\"}")
        .put("/api/v1/platform/tenant-endpoints/acme")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("internalUrl"));
    assertThat(endpoints.resolve("acme").source()).isEqualTo("template");
  }

  @Test
  void anOverrideToAClusterServiceIsAccepted() {
    tenants.ready("acme");

    given()
        .auth()
        .oauth2(platform.tokenFor(Role.ADMIN))
        .contentType(ContentType.JSON)
        .body("{\"internalUrl\":\"http://tenant-app-canary.tenant-acme.svc.cluster.local:8080\"}")
        .put("/api/v1/platform/tenant-endpoints/acme")
        .then()
        .statusCode(200)
        .body("source", equalTo("stored"));
  }

  @Test
  void anOverrideForAnUnknownTenantIs404() {
    given()
        .auth()
        .oauth2(platform.tokenFor(Role.ADMIN))
        .contentType(ContentType.JSON)
        .body("{\"internalUrl\":\"http://127.0.0.1:9999\"}")
        .put("/api/v1/platform/tenant-endpoints/nobody")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void usageCarriesAFreshTokenScopedToUsageForThatTenant() throws ParseException {
    tenantApp.stubFor(
        get(urlEqualTo("/internal/v1/usage"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"seatsUsed\":3,\"staffUsers\":4,\"subscribers\":1200,\"x\":1}")));

    TenantUsage usage = client.usage(stub(), ONE_SECOND).await().atMost(ONE_SECOND);

    assertThat(usage).isEqualTo(new TenantUsage(3, 4, 1200));
    List<LoggedRequest> sent = tenantApp.findAll(getRequestedFor(urlEqualTo("/internal/v1/usage")));
    String token = sent.get(0).getHeader("Authorization").substring("Bearer ".length());
    assertThat(verifyFor(token, "acme").<Object>getClaim("scope").toString())
        .contains("tenant:usage")
        .doesNotContain("tenant:search");
  }

  @Test
  void searchSendsTheQueryTypesAndLimitAndReadsTheHits() {
    tenantApp.stubFor(
        get(urlPathEqualTo("/internal/v1/search"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"hits":[{"type":"subscriber","id":"1","title":"John Smith",
                        "subtitle":"A-1 · john@example.com","score":0.93}]}""")));

    List<TenantHit> hits =
        client
            .search(stub(), "john@example.com", List.of("subscriber", "device"), 5, ONE_SECOND)
            .await()
            .atMost(ONE_SECOND);

    assertThat(hits)
        .containsExactly(
            new TenantHit("subscriber", "1", "John Smith", "A-1 · john@example.com", 0.93));
    tenantApp.verify(
        getRequestedFor(
            urlEqualTo(
                "/internal/v1/search?q=john%40example.com&types=subscriber%2Cdevice&limit=5")));
  }

  @Test
  void anErrorStatusFailsAsAnErrorNamingTheStatus() {
    tenantApp.stubFor(
        get(urlEqualTo("/internal/v1/usage")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.usage(stub(), ONE_SECOND).await().atMost(ONE_SECOND))
        .isInstanceOfSatisfying(
            TenantLinkException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TenantLinkException.Kind.ERROR);
              assertThat(e.reason()).isEqualTo("HTTP 503");
            });
  }

  @Test
  void aTenantSlowerThanTheTimeoutFailsAsATimeout() {
    tenantApp.stubFor(
        get(urlEqualTo("/internal/v1/usage"))
            .willReturn(aResponse().withFixedDelay(3_000).withBody("{}")));

    assertThatThrownBy(
            () -> client.usage(stub(), Duration.ofMillis(200)).await().atMost(ONE_SECOND))
        .isInstanceOfSatisfying(
            TenantLinkException.class,
            e -> assertThat(e.kind()).isEqualTo(TenantLinkException.Kind.TIMEOUT));
  }

  @Test
  void aClosedPortFailsAsUnreachable() {
    TenantEndpoints.Resolved closed =
        new TenantEndpoints.Resolved(
            "acme", URI.create("http://127.0.0.1:" + TenantFixtures.closedPort()), "test");

    assertThatThrownBy(() -> client.usage(closed, ONE_SECOND).await().atMost(ONE_SECOND))
        .isInstanceOfSatisfying(
            TenantLinkException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TenantLinkException.Kind.ERROR);
              assertThat(e.reason()).isEqualTo("unreachable");
            });
  }
}
