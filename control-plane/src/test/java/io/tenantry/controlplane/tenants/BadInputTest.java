package io.tenantry.controlplane.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.web.BodySizeLimit;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class BadInputTest {

  @Inject TestPlatform platform;
  @Inject KubernetesClient client;
  @Inject BodySizeLimit.Config limits;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize httpLayerLimit;

  @TestHTTPResource("/api/v1/platform/tenants")
  URI tenants;

  private String token;

  @BeforeEach
  void reset() {
    platform.reset();
    token = platform.tokenFor(Role.OWNER);
  }

  static Stream<Arguments> badCreateBodies() {
    String valid = "\"displayName\":\"Acme\",\"plan\":\"free\"";
    return Stream.of(
        Arguments.of("reserved kube-system", "{\"slug\":\"kube-system\"," + valid + "}", "slug"),
        Arguments.of("reserved default", "{\"slug\":\"default\"," + valid + "}", "slug"),
        Arguments.of("reserved tenantry", "{\"slug\":\"tenantry\"," + valid + "}", "slug"),
        Arguments.of("reserved www", "{\"slug\":\"www\"," + valid + "}", "slug"),
        Arguments.of("uppercase slug", "{\"slug\":\"Acme\"," + valid + "}", "slug"),
        Arguments.of("too short slug", "{\"slug\":\"ab\"," + valid + "}", "slug"),
        Arguments.of("slug starting with a dash", "{\"slug\":\"-acme\"," + valid + "}", "slug"),
        Arguments.of("slug ending with a dash", "{\"slug\":\"acme-\"," + valid + "}", "slug"),
        Arguments.of(
            "slug of 41 characters", "{\"slug\":\"" + "a".repeat(41) + "\"," + valid + "}", "slug"),
        Arguments.of("missing slug", "{" + valid + "}", "slug"),
        Arguments.of(
            "unknown plan",
            "{\"slug\":\"acme\",\"displayName\":\"Acme\",\"plan\":\"platinum\"}",
            "plan"),
        Arguments.of("missing plan", "{\"slug\":\"acme\",\"displayName\":\"Acme\"}", "plan"),
        Arguments.of(
            "blank display name",
            "{\"slug\":\"acme\",\"displayName\":\" \",\"plan\":\"free\"}",
            "displayName"),
        Arguments.of(
            "display name over 100 characters",
            "{\"slug\":\"acme\",\"displayName\":\"" + "x".repeat(101) + "\",\"plan\":\"free\"}",
            "displayName"),
        Arguments.of(
            "display name of the wrong type",
            "{\"slug\":\"acme\",\"displayName\":{\"a\":1},\"plan\":\"free\"}",
            "displayName"),
        Arguments.of("slug of the wrong type", "{\"slug\":[\"acme\"]," + valid + "}", "slug"),
        Arguments.of(
            "malformed region", "{\"slug\":\"acme\"," + valid + ",\"region\":\"EU\"}", "region"),
        Arguments.of(
            "unknown deletion policy",
            "{\"slug\":\"acme\"," + valid + ",\"deletionPolicy\":\"Maybe\"}",
            "deletionPolicy"),
        Arguments.of(
            "unknown field", "{\"slug\":\"acme\"," + valid + ",\"owner\":\"me\"}", "owner"),
        Arguments.of(
            "NUL character in the display name",
            "{\"slug\":\"acme\",\"displayName\":\"Ac\\u0000me\",\"plan\":\"free\"}",
            "displayName"),
        Arguments.of(
            "the same key twice", "{\"slug\":\"acme\",\"slug\":\"other\"," + valid + "}", "slug"),
        Arguments.of("malformed JSON", "{\"slug\":\"acme\",", "body"),
        Arguments.of("a JSON array instead of an object", "[]", "body"),
        Arguments.of(
            "oversized body",
            "{\"slug\":\"acme\"," + valid + ",\"x\":\"" + "y".repeat(70_000) + "\"}",
            "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCreateBodies")
  void badCreateBodiesAre4xxProblemJsonNamingTheFieldAndStoreNothing(
      String description, String body, String field) {
    int status =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/platform/tenants")
            .then()
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field))
            .body("detail", not(containsString("Exception")))
            .extract()
            .statusCode();

    assertThat(status).isBetween(400, 499);
    assertThat(platform.count("tenants")).isZero();
    assertThat(platform.count("audit_log")).isZero();
    assertThat(client.resources(Tenant.class).list().getItems()).isEmpty();
  }

  @Test
  void anOversizedBodyIs413() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"x\":\"" + "y".repeat(70_000) + "\"}")
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void aDeclaredLengthBeyondTheHttpLayersLimitIsStillProblemJson() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(padded(2 * 1024 * 1024))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"))
        .body("errors.rule", hasItem("must be at most " + limits.maxBodyBytes() + " bytes"));
  }

  @Test
  void aChunkedBodyJustOverTheLimitIs413ProblemJson() throws Exception {
    HttpResponse<String> response = postChunked(padded(limits.maxBodyBytes() + 1));

    assertTooLarge(response);
    assertThat(platform.count("tenants")).isZero();
  }

  @Test
  void aChunkedBodyFarBeyondTheHttpLayersLimitIs413ProblemJson() throws Exception {
    assertThat(httpLayerLimit.asLongValue()).isLessThan(2L * 1024 * 1024);

    assertTooLarge(postChunked(padded(2 * 1024 * 1024)));
  }

  @Test
  void aChunkedBodyAtTheLimitIsReadAndValidatedAsUsual() throws Exception {
    HttpResponse<String> response = postChunked(padded(limits.maxBodyBytes()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("x");
  }

  @Test
  void aValidChunkedBodyCreatesTheTenant() throws Exception {
    HttpResponse<String> response =
        postChunked(
            "{\"slug\":\"acme\",\"displayName\":\"Acme\",\"plan\":\"free\"}"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(platform.count("tenants")).isOne();
  }

  @Test
  void theHttpLayersLimitIsABackstopAboveTheApiLimit() {
    assertThat(httpLayerLimit.asLongValue()).isGreaterThan(limits.maxBodyBytes());
  }

  /** A create body of exactly {@code size} bytes whose padding is the unknown field {@code x}. */
  private static byte[] padded(long size) {
    String head = "{\"slug\":\"acme\",\"displayName\":\"Acme\",\"plan\":\"free\",\"x\":\"";
    String tail = "\"}";
    return (head + "y".repeat((int) size - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> postChunked(byte[] body) throws Exception {
    // A publisher of unknown length: the client sends Transfer-Encoding: chunked, no
    // Content-Length.
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
    assertThat(chunked.contentLength()).isNegative();
    HttpRequest request =
        HttpRequest.newBuilder(tenants)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(chunked)
            .build();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private void assertTooLarge(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    String rule = "must be at most " + limits.maxBodyBytes() + " bytes";
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("detail").asText()).isEqualTo("body: " + rule);
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(problem.path("errors").get(0).path("rule").asText()).isEqualTo(rule);
  }

  @Test
  void aMissingBodyNamesTheBody() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "/api/v1/platform/tenants?size=1000, size",
    "/api/v1/platform/tenants?page=-1, page",
    "/api/v1/platform/tenants?page=abc, page",
    "/api/v1/platform/tenants?state=sleeping, state",
    "/api/v1/platform/audit?size=zero, size",
    "/api/v1/platform/audit?from=yesterday, from",
    "/api/v1/platform/audit?to=2026-13-01, to"
  })
  void badQueryParametersAre400NamingTheParameter(String url, String field) {
    given()
        .auth()
        .oauth2(token)
        .get(url)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  /** Sent exactly as written: RestAssured would otherwise encode the % of %00 once more. */
  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "/api/v1/platform/tenants?q=%00, q",
    "/api/v1/platform/tenants?phase=%00, phase",
    "/api/v1/platform/audit?actor=a%00b, actor",
    "/api/v1/platform/audit?from=%2B999999999-01-01T00:00:00Z, from",
    "/api/v1/platform/audit?to=0001-01-01T00:00:00Z, to"
  })
  void nulCharactersAndOutOfRangeDatesInTheQueryAre400NamingTheParameter(String url, String field) {
    given()
        .urlEncodingEnabled(false)
        .auth()
        .oauth2(token)
        .get(url)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  @Test
  void aTenThousandCharacterQueryStringIs414ProblemJson() {
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/platform/tenants?q=" + "a".repeat(10_000))
        .then()
        .statusCode(414)
        .contentType("application/problem+json")
        .body("status", equalTo(414))
        .body("errors.field", hasItem("uri"));
  }
}
