package io.tenantry.operator.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenantry.operator.config.OperatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** The operator configuration as shipped (application.properties), without starting Quarkus. */
public final class TestConfig {

  private TestConfig() {}

  public static OperatorConfig shipped() {
    return with(Map.of());
  }

  public static OperatorConfig with(Map<String, String> overrides) {
    try {
      SmallRyeConfig config =
          new SmallRyeConfigBuilder()
              .withMapping(OperatorConfig.class)
              .withConverter(Duration.class, 200, new DurationConverter())
              .withSources(
                  new PropertiesConfigSource(
                      TestConfig.class.getResource("/application.properties"), 250))
              .withSources(new PropertiesConfigSource(overrides, "overrides", 400))
              .build();
      return config.getConfigMapping(OperatorConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
