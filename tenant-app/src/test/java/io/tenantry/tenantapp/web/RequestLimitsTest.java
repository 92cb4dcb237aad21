package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Oversized requests get problem+json 413 and 414, as the control plane answers them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class RequestLimitsTest {

  private static final int TEN_MB = 10 * 1024 * 1024;

  @Inject TestTenant tenant;
  @Inject RequestLimits limits;
  @Inject ObjectMapper json;

  @TestHTTPResource("/api/v1/subscribers")
  URI subscribers;

  @Test
  void aTenMegabyteChunkedBodyIs413ProblemJson() throws Exception {
    HttpResponse<String> response = postChunked(padded(TEN_MB));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    String rule = "must be at most " + limits.maxBodyBytes() + " bytes";
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(problem.path("errors").get(0).path("rule").asText()).isEqualTo(rule);
  }

  @Test
  void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
    HttpResponse<String> response =
        postChunked(json.writeValueAsBytes(TestTenant.subscriber("CHUNKED-1", "Ann")));

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void aDeclaredOversizeBodyIs413ProblemJson() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .contentType("application/json")
        .body(padded((int) limits.maxBodyBytes() + 1))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void aTenThousandCharacterQueryStringIs414ProblemJson() {
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .urlEncodingEnabled(false)
        .get("/api/v1/search?q=" + "a".repeat(10_000))
        .then()
        .statusCode(414)
        .contentType("application/problem+json")
        .body("status", equalTo(414))
        .body("errors[0].field", equalTo("uri"))
        .body("errors[0].rule", equalTo("must be at most 8192 characters"));
  }

  /** A subscriber body of exactly {@code size} bytes padded with the unknown field {@code x}. */
  private static byte[] padded(int size) {
    String head = "{\"accountNumber\":\"BIG-1\",\"name\":\"Ann\",\"x\":\"";
    String tail = "\"}";
    return (head + "y".repeat(size - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> postChunked(byte[] body) throws Exception {
    // A publisher of unknown length: the client sends Transfer-Encoding: chunked.
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
    assertThat(chunked.contentLength()).isNegative();
    HttpRequest request =
        HttpRequest.newBuilder(subscribers)
            .header("Authorization", "Bearer " + tenant.tokenFor(Role.tenant_admin))
            .header("Content-Type", "application/json")
            .POST(chunked)
            .build();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
