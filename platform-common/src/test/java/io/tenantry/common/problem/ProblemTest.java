package io.tenantry.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one problem+json document both services answer with, as clients read it. */
class ProblemTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fieldErrorsNameTheFieldAndTheRule() throws Exception {
    Problem problem =
        Problem.invalid(
            List.of(
                new Problem.FieldError("slug", "must not be blank"),
                new Problem.FieldError("plan", "is not a known plan")));

    JsonNode body = json.readTree(json.writeValueAsString(problem));

    assertThat(body.path("type").asText()).isEqualTo("https://tenantry.io/problems/validation");
    assertThat(body.path("status").asInt()).isEqualTo(400);
    assertThat(body.path("detail").asText())
        .isEqualTo("slug: must not be blank; plan: is not a known plan");
    assertThat(body.path("errors").get(1).path("field").asText()).isEqualTo("plan");
    assertThat(body.path("errors").get(1).path("rule").asText()).isEqualTo("is not a known plan");
  }

  @Test
  void extensionsAreMembersBesideTheStandardOnesInTheirOrder() throws Exception {
    Problem problem =
        Problem.of(403, "feature-disabled", "Feature not available", "no")
            .with("feature", "radius")
            .with("plan", "starter");

    JsonNode body = json.readTree(json.writeValueAsString(problem));

    assertThat(body.path("feature").asText()).isEqualTo("radius");
    assertThat(body.path("plan").asText()).isEqualTo("starter");
    assertThat(body.has("extensions")).isFalse();
    assertThat(problem.extensions().keySet()).containsExactly("feature", "plan");
  }

  @Test
  void emptyMembersAreLeftOut() throws Exception {
    JsonNode body =
        json.readTree(json.writeValueAsString(Problem.of(404, "not-found", "Not found", "gone")));

    assertThat(body.has("errors")).isFalse();
    assertThat(body.size()).isEqualTo(4);
  }

  @Test
  void theResponseIsProblemJsonWithRetryAfterWhenGiven() {
    Problem problem = Problem.of(429, "login-locked", "Too many failed logins", "wait");

    Response plain = problem.toResponse();
    Response throttled = problem.toResponse(30L);

    assertThat(plain.getStatus()).isEqualTo(429);
    assertThat(plain.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(plain.getHeaderString("Retry-After")).isNull();
    assertThat(throttled.getHeaderString("Retry-After")).isEqualTo("30");
    assertThat(throttled.getEntity()).isSameAs(problem);
  }

  @Test
  void aConflictCarriesItsExtensions() {
    Problem problem =
        ProblemException.conflict("duplicate", "exists", Map.of("field", "email")).problem();

    assertThat(problem.type()).isEqualTo("https://tenantry.io/problems/duplicate");
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.extensions()).containsEntry("field", "email");
  }

  @Test
  void anOversizedBodyNamesTheLimit() {
    Problem problem = Problem.bodyTooLarge(65536);

    assertThat(problem.status()).isEqualTo(413);
    assertThat(problem.errors())
        .containsExactly(new Problem.FieldError("body", "must be at most 65536 bytes"));
  }

  @Test
  void every401NamesTheBearerSchemeAndARefusedTokenSaysSo() {
    Response missing =
        Problem.of(401, "authentication-required", "Unauthorized", "a token is required")
            .toResponse();
    Response refused =
        Problem.of(401, "invalid-token", "Unauthorized", "the token is invalid").toResponse();
    Response forbidden = Problem.of(403, "forbidden", "Forbidden", "no").toResponse();

    assertThat(missing.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"tenantry\"");
    assertThat(refused.getHeaderString("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"tenantry\", error=\"invalid_token\"");
    assertThat(forbidden.getHeaderString("WWW-Authenticate")).isNull();
  }
}
