package io.tenantry.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How failures the services do not raise themselves become problems. */
class ProblemMappersTest {

  record Line(String sku, int quantity) {}

  record Order(String customer, List<Line> lines) {}

  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ProblemMappers mappers = new ProblemMappers();

  @Test
  void aValueOfTheWrongTypeNamesItsPathAndTheType() {
    Problem problem =
        problemOf(
            mappers.unreadable(
                parseError("{\"customer\":\"a\",\"lines\":[{\"sku\":\"x\",\"quantity\":\"x\"}]}")));

    assertThat(problem.errors())
        .containsExactly(new Problem.FieldError("lines[0].quantity", "must be of type int"));
  }

  @Test
  void anUnknownFieldIsNamed() {
    Problem problem = problemOf(mappers.unreadable(parseError("{\"customer\":\"a\",\"x\":1}")));

    assertThat(problem.errors())
        .containsExactly(new Problem.FieldError("x", "is not a known field"));
  }

  @Test
  void brokenJsonIsTheBodysFault() {
    Problem problem = problemOf(mappers.unreadable(parseError("{\"customer\":")));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors())
        .containsExactly(new Problem.FieldError("body", "must be well-formed JSON"));
  }

  @Test
  void aReadErrorWrappedByTheRestLayerIsStillNamed() {
    WebApplicationException wrapped =
        new WebApplicationException(parseError("{\"customer\":\"a\",\"x\":1}"), 400);

    assertThat(problemOf(mappers.web(wrapped)).errors())
        .containsExactly(new Problem.FieldError("x", "is not a known field"));
  }

  @Test
  void aKeyTwiceInOneObjectIsNamed() {
    ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonParseException duplicate =
        catchThrowableOfType(
            JsonParseException.class,
            () -> strict.readValue("{\"customer\":\"a\",\"customer\":\"b\"}", Order.class));

    assertThat(problemOf(mappers.malformed(duplicate)).errors())
        .containsExactly(new Problem.FieldError("customer", "must appear only once"));
  }

  @Test
  void aValueBreakingADeserializersRuleIsNamedWithTheRule() {
    ObjectMapper ruled =
        new ObjectMapper()
            .registerModule(
                new SimpleModule()
                    .addDeserializer(
                        String.class,
                        new StdScalarDeserializer<String>(String.class) {
                          @Override
                          public String deserialize(JsonParser p, DeserializationContext c)
                              throws java.io.IOException {
                            throw new InvalidValue(p, "must not contain a NUL character");
                          }
                        }));
    InvalidValue invalid =
        catchThrowableOfType(
            InvalidValue.class,
            () -> ruled.readValue("{\"lines\":[{\"sku\":\"x\",\"quantity\":1}]}", Order.class));

    assertThat(problemOf(mappers.invalidValue(invalid)).errors())
        .containsExactly(
            new Problem.FieldError("lines[0].sku", "must not contain a NUL character"));
  }

  @Test
  void anHttpErrorBecomesAProblemOfItsStatus() {
    Response response = mappers.web(new WebApplicationException(405));

    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(problemOf(response).type())
        .isEqualTo("https://tenantry.io/problems/method-not-allowed");
  }

  @Test
  void aStatusWithoutAReasonPhraseStillGetsATitle() {
    Problem problem = problemOf(mappers.web(new WebApplicationException(499)));

    assertThat(problem.status()).isEqualTo(499);
    assertThat(problem.title()).isEqualTo("HTTP 499");
  }

  @Test
  void aRedirectPassesThrough() {
    Response redirect = Response.status(303).header("Location", "/x").build();

    assertThat(mappers.web(new WebApplicationException(redirect))).isSameAs(redirect);
  }

  @Test
  void anUnexpectedFailureTellsTheClientNothingOfIt() {
    Problem problem =
        problemOf(mappers.unexpected(new IllegalStateException("password=hunter2 at db")));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.type()).isEqualTo("https://tenantry.io/problems/internal");
    assertThat(problem.toString()).doesNotContain("hunter2", "IllegalStateException");
  }

  @Test
  void aProblemExceptionKeepsItsRetryAfter() {
    Response response =
        mappers.problem(
            new ProblemException(Problem.of(429, "login-locked", "Locked", "wait"), 12L));

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("12");
  }

  private JsonProcessingException parseError(String body) {
    return catchThrowableOfType(
        JsonProcessingException.class, () -> json.readValue(body, Order.class));
  }

  private static Problem problemOf(Response response) {
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    return (Problem) response.getEntity();
  }
}
