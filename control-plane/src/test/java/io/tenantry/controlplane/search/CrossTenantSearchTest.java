package io.tenantry.controlplane.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.tenantlink.TenantEndpoints;
import io.tenantry.controlplane.tenantlink.TenantFixtures;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end: three real tenant apps, each a process on its own database, searched through the
 * control plane with service tokens they verify against the platform key.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class CrossTenantSearchTest {

  private static final List<String> SLUGS = List.of("alpha", "beta", "gamma");
  private static final List<TenantAppProcess> APPS = new ArrayList<>();
  private static boolean seeded;

  @Inject TestPlatform platform;
  @Inject TenantFixtures tenants;
  @Inject TenantEndpoints endpoints;

  @BeforeAll
  static void startTenantApps() throws IOException {
    for (String slug : SLUGS) {
      APPS.add(TenantAppProcess.start(slug));
    }
    APPS.forEach(TenantAppProcess::awaitReady);
  }

  @AfterAll
  static void stopTenantApps() throws InterruptedException {
    for (TenantAppProcess app : APPS) {
      app.close();
    }
    APPS.clear();
  }

  @BeforeEach
  void tenantsPointAtTheirApps() throws IOException {
    platform.reset();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(platform.keys().publicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    for (TenantAppProcess app : APPS) {
      app.trustPlatformKey(pem);
      tenants.ready(app.slug);
      endpoints.store(app.slug, app.url());
    }
    if (!seeded) {
      seed();
      seeded = true;
    }
  }

  /** The same person is a subscriber of every tenant, each time beside people who do not match. */
  private static void seed() {
    for (TenantAppProcess app : APPS) {
      String name = Character.toUpperCase(app.slug.charAt(0)) + app.slug.substring(1);
      app.addSubscribers(
          List.of(
              List.of("John " + name, "john@example.com"),
              List.of("Mary " + name, "mary@" + app.slug + ".example.org"),
              List.of("Peter " + name, "peter@" + app.slug + ".example.org")));
    }
  }

  private JsonPath search(String body) {
    return given()
        .auth()
        .oauth2(platform.tokenFor(Role.SUPPORT))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/platform/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void findsTheSubscriberInEveryTenantGroupedByTenantAndRankedByScore() {
    JsonPath result = search("{\"query\":\"john@example.com\"}");

    assertThat(result.getBoolean("partial")).isFalse();
    assertThat(result.getList("tenants.tenant")).containsExactly("alpha", "beta", "gamma");
    assertThat(result.getList("tenants.status")).containsOnly("ok");
    for (String slug : SLUGS) {
      String name = "John " + Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
      List<Map<String, Object>> hits =
          result.getList("tenants.find { it.tenant == '" + slug + "' }.hits");
      assertThat(hits).extracting(h -> h.get("title")).contains(name);
      assertThat(hits).extracting(h -> h.get("tenant")).containsOnly(slug);
      assertThat(hits)
          .extracting(h -> h.get("title"))
          .noneMatch(t -> t.toString().startsWith("Mary"));
    }
    List<Map<String, Object>> merged = result.getList("hits");
    assertThat(merged).extracting(h -> h.get("tenant")).contains("alpha", "beta", "gamma");
    assertThat(merged)
        .extracting(h -> ((Number) h.get("score")).doubleValue())
        .isSortedAccordingTo(Comparator.reverseOrder());
    int grouped = result.getList("tenants.hits.flatten()").size();
    assertThat(result.getInt("total")).isEqualTo(grouped).isEqualTo(merged.size());
  }

  @Test
  void aTenantFilterAsksOnlyTheNamedTenants() {
    JsonPath result =
        search(
            "{\"query\":\"john@example.com\",\"tenants\":[\"beta\"],\"types\":[\"subscriber\"]}");

    assertThat(result.getList("tenants.tenant")).containsExactly("beta");
    assertThat(result.getList("hits.tenant")).containsOnly("beta").isNotEmpty();
    assertThat(result.getBoolean("partial")).isFalse();
  }

  @Test
  void aTenantThatDoesNotTrustThePlatformKeyIsAnErrorWhileTheOthersAnswer() throws IOException {
    APPS.get(2).trustPlatformKey(otherPublicKey());

    JsonPath result = search("{\"query\":\"john@example.com\"}");

    assertThat(result.getBoolean("partial")).isTrue();
    assertThat(result.getString("tenants.find { it.tenant == 'gamma' }.status")).isEqualTo("error");
    assertThat(result.getString("tenants.find { it.tenant == 'gamma' }.reason"))
        .isEqualTo("HTTP 401");
    assertThat(result.getList("hits.tenant")).contains("alpha", "beta").doesNotContain("gamma");
  }

  private static String otherPublicKey() {
    try {
      // a key of the platform key's own type (EC P-256), so only the key differs
      var pair =
          io.smallrye.jwt.util.KeyUtils.generateKeyPair(
              256, io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256);
      return "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
          + "\n-----END PUBLIC KEY-----\n";
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
