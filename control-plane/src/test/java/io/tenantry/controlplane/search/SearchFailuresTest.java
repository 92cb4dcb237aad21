package io.tenantry.controlplane.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.tenantlink.ServiceTokens;
import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenantlink.TenantFixtures;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tenants that misbehave, simulated: one WireMock server plays every tenant app, each under its own
 * path prefix (a tenant's endpoint override may carry a path).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class SearchFailuresTest {

  private static final String SEARCH = "/internal/v1/search";
  private static WireMockServer tenantApps;

  @Inject TestPlatform platform;
  private static final int SLOW_TENANT_MILLIS = 6_000;

  @Inject TenantFixtures tenants;
  @Inject TenantEndpoints endpoints;
  @Inject MeterRegistry registry;
  @Inject SearchConfig config;
  @Inject ServiceTokens tokens;

  @BeforeAll
  static void startTenantApps() {
    tenantApps = new WireMockServer(wireMockConfig().dynamicPort());
    tenantApps.start();
  }

  @AfterAll
  static void stopTenantApps() {
    if (tenantApps != null) {
      tenantApps.stop();
    }
  }

  @BeforeEach
  void reset() {
    platform.reset();
    tenantApps.resetAll();
    answer("good", hits("g1", "John Good", 0.9) + "," + hits("g2", "Johnny Good", 0.6));
    answer("other", hits("o1", "John Other", 0.75));
    tenantApps.stubFor(
        get(urlPathEqualTo("/slow" + SEARCH))
            .willReturn(aResponse().withFixedDelay(SLOW_TENANT_MILLIS).withBody("{\"hits\":[]}")));
    tenantApps.stubFor(
        get(urlPathEqualTo("/garbage" + SEARCH))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("<html>")));
    tenantApps.stubFor(
        get(urlPathEqualTo("/broken" + SEARCH))
            .willReturn(aResponse().withStatus(500).withBody("{\"hits\":[]}")));
    tenantApps.stubFor(
        get(urlPathEqualTo("/chaos" + SEARCH))
            .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    answer("liar", hits("l1", "John Liar", 7.0));
  }

  private static String hits(String id, String title, double score) {
    return """
        {"type":"subscriber","id":"%s","title":"%s","subtitle":"s","score":%s}"""
        .formatted(id, title, score);
  }

  private static void answer(String tenant, String hits) {
    tenantApps.stubFor(
        get(urlPathEqualTo("/" + tenant + SEARCH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"hits\":[" + hits + "]}")));
  }

  /** Ready tenants reached at their simulated app ({@code closed}: a port nobody listens on). */
  private void readyTenants(String... slugs) {
    for (String slug : slugs) {
      tenants.ready(slug);
      endpoints.store(
          slug,
          slug.equals("closed")
              ? "http://127.0.0.1:" + TenantFixtures.closedPort()
              : "http://127.0.0.1:" + tenantApps.port() + "/" + slug);
    }
  }

  private JsonPath search(String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/platform/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private JsonPath search(String body) {
    return search(platform.tokenFor(Role.ADMIN), body);
  }

  private static Map<String, Object> tenant(JsonPath result, String slug) {
    return result.getMap("tenants.find { it.tenant == '" + slug + "' }");
  }

  private double count(String name, String tenant) {
    var counter = registry.find(name).tag("tenant", tenant).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void slowAndUnreachableTenantsAreReportedWithinTheDeadlineBesideTheHitsOfTheRest() {
    readyTenants("good");
    // a first search pays for connections and JIT; on a loaded machine that alone can outlast the
    // per-tenant timeout of the good tenant, which is not what this test is about
    search("{\"query\":\"john\"}");
    readyTenants("slow", "closed");
    long fanOuts = registry.find(SearchMetrics.FANOUT).timer().count();
    double timeouts = count(SearchMetrics.TENANT_TIMEOUTS, "slow");
    double errors = count(SearchMetrics.TENANT_ERRORS, "closed");

    JsonPath result = search("{\"query\":\"john\"}");

    // answered at the deadline, not after the slow tenant (6 s): the margin only absorbs the
    // scheduling delay of a loaded machine between the deadline and the answer being assembled
    assertThat(result.getLong("tookMs"))
        .isLessThan(config.deadline().plusSeconds(1).toMillis())
        .isLessThan(SLOW_TENANT_MILLIS);
    assertThat(result.getBoolean("partial")).isTrue();
    assertThat(tenant(result, "slow")).containsEntry("status", "timeout");
    assertThat(tenant(result, "closed"))
        .containsEntry("status", "error")
        .containsEntry("reason", "unreachable");
    assertThat(tenant(result, "good")).containsEntry("status", "ok");
    assertThat(result.getList("hits.id")).containsExactly("g1", "g2");
    assertThat(registry.find(SearchMetrics.FANOUT).timer().count()).isEqualTo(fanOuts + 1);
    assertThat(count(SearchMetrics.TENANT_TIMEOUTS, "slow")).isEqualTo(timeouts + 1);
    assertThat(count(SearchMetrics.TENANT_ERRORS, "closed")).isEqualTo(errors + 1);
  }

  @Test
  void garbageFailuresAndOutOfRangeScoresAreErrorsOfThoseTenantsOnly() {
    readyTenants("good", "other", "garbage", "broken", "chaos", "liar");

    JsonPath result = search("{\"query\":\"john\"}");

    assertThat(result.getBoolean("partial")).isTrue();
    assertThat(tenant(result, "garbage")).containsEntry("reason", "malformed response");
    assertThat(tenant(result, "broken")).containsEntry("reason", "HTTP 500");
    assertThat(tenant(result, "liar")).containsEntry("reason", "malformed response");
    assertThat(tenant(result, "chaos")).containsEntry("status", "error");
    assertThat(result.getList("hits.id")).containsExactly("g1", "o1", "g2");
    assertThat(result.getList("hits.tenant")).containsExactly("good", "other", "good");
    assertThat(result.getInt("total")).isEqualTo(3);
    assertThat(result.getList("tenants.find { it.tenant == 'good' }.hits.id"))
        .containsExactly("g1", "g2");
  }

  @Test
  void everyTenantGetsItsOwnFreshTokenAndTheQueryAsAsked() {
    readyTenants("good", "other");

    search("{\"query\":\"john o'neil\",\"types\":[\"subscriber\",\"ticket\"],\"limit\":5}");

    var good = tenantApps.findAll(getRequestedFor(urlPathEqualTo("/good" + SEARCH))).get(0);
    var other = tenantApps.findAll(getRequestedFor(urlPathEqualTo("/other" + SEARCH))).get(0);
    assertThat(good.getUrl())
        .isEqualTo("/good" + SEARCH + "?q=john+o%27neil&types=subscriber%2Cticket&limit=5");
    assertThat(good.getHeader("Authorization")).startsWith("Bearer ");
    assertThat(good.getHeader("Authorization")).isNotEqualTo(other.getHeader("Authorization"));
  }

  @Test
  void aTenantNewlyReadyHasItsSearchTokenSignedBeforeAnySearchAndTheSearchSendsIt() {
    readyTenants("good");

    // no search has asked "good" yet: the refresh job alone signs its token
    String prepared =
        await()
            .atMost(Duration.ofSeconds(3).plus(config.tokenRefreshInterval().multipliedBy(2)))
            .until(() -> tokens.ready("good", ServiceTokens.SEARCH), Optional::isPresent)
            .orElseThrow();
    search("{\"query\":\"john\"}");

    var asked = tenantApps.findAll(getRequestedFor(urlPathEqualTo("/good" + SEARCH))).get(0);
    assertThat(asked.getHeader("Authorization")).isEqualTo("Bearer " + prepared);
  }

  @Test
  void onlyReadyTenantsThatAreNotSuspendedAreAskedAndEveryOtherIsReportedAsSkipped() {
    readyTenants("good");
    tenants.tenant("paused", Phase.Ready, true);
    tenants.tenant("fresh", Phase.Provisioning, false);
    endpoints.store("paused", "http://127.0.0.1:" + tenantApps.port() + "/paused");
    endpoints.store("fresh", "http://127.0.0.1:" + tenantApps.port() + "/fresh");

    JsonPath all = search("{\"query\":\"john\"}");
    JsonPath named = search("{\"query\":\"john\",\"tenants\":[\"good\",\"paused\",\"nobody\"]}");

    assertThat(all.getList("tenants.tenant")).containsExactly("fresh", "good", "paused");
    assertThat(tenant(all, "good")).containsEntry("status", "ok");
    assertThat(tenant(all, "paused"))
        .containsEntry("status", "skipped")
        .containsEntry("reason", "tenant is suspended");
    assertThat(tenant(all, "fresh"))
        .containsEntry("status", "skipped")
        .containsEntry("reason", "tenant is not Ready (phase Provisioning)");
    assertThat(all.getBoolean("partial")).isTrue();
    assertThat(tenant(named, "paused"))
        .containsEntry("status", "skipped")
        .containsEntry("reason", "tenant is suspended");
    assertThat(tenant(named, "nobody")).containsEntry("reason", "unknown tenant");
    assertThat(named.getBoolean("partial")).isTrue();
    tenantApps.verify(0, anyRequestedFor(urlPathMatching("/(paused|fresh)/.*")));
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"query\":\"j\"}|query",
        "{\"query\":\"john%\"}|query",
        "{\"query\":\"<script>\"}|query",
        "{\"query\":\" john\"}|query",
        "{\"query\":\"john\\u0000\"}|query",
        "{\"types\":[\"subscriber\"]}|query",
        "{\"query\":\"john\",\"types\":[\"staff\"]}|types",
        "{\"query\":\"john\",\"tenants\":[\"Not A Slug\"]}|tenants",
        "{\"query\":\"john\",\"limit\":0}|limit",
        "{\"query\":\"john\",\"limit\":51}|limit"
      })
  void invalidRequestsAreRefusedBeforeAnyTenantIsAsked(String body, String field) {
    readyTenants("good");

    given()
        .auth()
        .oauth2(platform.tokenFor(Role.ADMIN))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/platform/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.contains(field));
    tenantApps.verify(0, anyRequestedFor(anyUrl()));
    assertThat(AuditEntry.count("action", "platform.search")).isZero();
  }

  @Test
  void aRoleWithoutTheSearchPermissionIsRefusedBeforeAnyTenantIsAsked() {
    readyTenants("good");

    given()
        .auth()
        .oauth2(platform.tokenFor(Role.BILLING))
        .contentType(ContentType.JSON)
        .body("{\"query\":\"john\"}")
        .post("/api/v1/platform/search")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    tenantApps.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void everySearchIsAuditedWithWhoWhatWhereAndHowManyButNoToken() {
    readyTenants("good", "broken");
    PlatformUser support = platform.user(Role.SUPPORT);

    search(platform.token(support), "{\"query\":\"john@example.com\"}");

    List<AuditEntry> entries = AuditEntry.list("action", "platform.search");
    assertThat(entries).hasSize(1);
    AuditEntry entry = entries.get(0);
    assertThat(entry.actor).isEqualTo(support.email);
    assertThat(entry.payload)
        .contains("\"query\":\"john@example.com\"")
        .contains("\"tenants\":2")
        .contains("\"hits\":2")
        .contains("\"partial\":true")
        .doesNotContain("eyJ")
        .doesNotContain("Bearer")
        .doesNotContain("127.0.0.1");
  }
}
