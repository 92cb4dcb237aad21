package io.tenantry.tenantapp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenantry.common.problem.InvalidValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the strict mapper refuses, each for one reason, and what it still reads. */
class StrictJsonTest {

  record Line(String description, int seats) {}

  record Order(String name, LocalDate dueDate, Instant at, List<Line> lines) {}

  private final ObjectMapper json = strict();

  private static ObjectMapper strict() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    new StrictJson().customize(mapper);
    return mapper;
  }

  @Test
  void aWellFormedBodyIsReadAsBefore() throws Exception {
    Order order =
        json.readValue(
            "{\"name\":\"a\",\"dueDate\":\"2027-01-31\",\"at\":\"2027-01-31T10:00:00Z\","
                + "\"lines\":[{\"description\":\"x\",\"seats\":10}]}",
            Order.class);

    assertThat(order.dueDate()).isEqualTo(LocalDate.parse("2027-01-31"));
    assertThat(order.lines().getFirst().seats()).isEqualTo(10);
  }

  @Test
  void aKeyTwiceInOneObjectIsRefused() {
    assertThatThrownBy(() -> json.readValue("{\"name\":\"a\",\"name\":\"b\"}", Order.class))
        .isInstanceOf(JsonParseException.class)
        .hasMessageStartingWith("Duplicate field 'name'");
  }

  @Test
  void aFractionIsNotAWholeNumber() {
    assertThatThrownBy(() -> json.readValue("{\"seats\":1.5}", Line.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aStringIsNotAWholeNumber() {
    assertThatThrownBy(() -> json.readValue("{\"seats\":\"10\"}", Line.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aNulCharacterIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    "{\"lines\":[{\"description\":\"a\\u0000b\",\"seats\":1}]}", Order.class))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.rule()).isEqualTo("must not contain a NUL character");
              assertThat(e.getPath()).extracting(r -> r.getFieldName()).contains("description");
            });
  }

  @Test
  void aDateBeyondYear9999IsRefused() {
    assertThatThrownBy(() -> json.readValue("{\"dueDate\":\"+999999999-01-01\"}", Order.class))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.rule()).isEqualTo(StrictJson.YEARS));
  }

  @Test
  void anInstantBeyondYear9999IsRefused() {
    assertThatThrownBy(() -> json.readValue("{\"at\":\"+10000-01-01T00:00:00Z\"}", Order.class))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.rule()).isEqualTo(StrictJson.YEARS));
  }
}
