package io.tenantry.tenantapp.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tenantry.common.problem.InvalidValue;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a request body may hold beyond each DTO's own rules, so that nothing the database would
 * refuse (or quietly change) gets that far: each key once per object, whole numbers only as JSON
 * numbers without a fraction ({@code 1.5} and {@code "10"} are refused, not rounded or parsed), no
 * NUL character in a string (PostgreSQL cannot store one), dates within years 1 to 9999.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  static final String NO_NUL = "must not contain a NUL character";
  static final String YEARS = "must be within the years 1 to 9999";

  /** Last, so that these deserializers replace the java.time module's rather than lose to them. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.registerModule(
        new SimpleModule("tenantry-strict-json")
            .addDeserializer(String.class, new NulFreeString())
            .addDeserializer(LocalDate.class, new BoundedDate())
            .addDeserializer(Instant.class, new BoundedInstant()));
  }

  private static void requireYear(int year, JsonParser parser) throws InvalidValue {
    if (year < 1 || year > 9999) {
      throw new InvalidValue(parser, YEARS);
    }
  }

  static final class NulFreeString extends StdScalarDeserializer<String> {
    NulFreeString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new InvalidValue(parser, NO_NUL);
      }
      return value;
    }
  }

  static final class BoundedDate extends StdScalarDeserializer<LocalDate> {
    BoundedDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
      if (value != null) {
        requireYear(value.getYear(), parser);
      }
      return value;
    }
  }

  static final class BoundedInstant extends StdScalarDeserializer<Instant> {
    BoundedInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
      if (value != null) {
        requireYear(value.atOffset(ZoneOffset.UTC).getYear(), parser);
      }
      return value;
    }
  }
}
