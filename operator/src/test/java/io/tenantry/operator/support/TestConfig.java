package io.tenantry.operator.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenantry.operator.config.OperatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The operator configuration as shipped (application.properties), without starting Quarkus. */
public final class TestConfig {

  private TestConfig() {}

  public static OperatorConfig shipped() {
    return with(Map.of());
  }

  /**
   * The shared-server mode on the local test server as {@code adminRole} (trust authentication),
   * plus {@code more} (keys under {@code tenantry.operator.database.shared-server.}).
   */
  public static OperatorConfig sharedServerAs(String adminRole, Map<String, String> more) {
    String prefix = "tenantry.operator.database.shared-server.";
    Map<String, String> overrides = new HashMap<>();
    overrides.put(prefix + "host", "127.0.0.1");
    overrides.put(prefix + "port", "5432");
    overrides.put(prefix + "admin-user", adminRole);
    overrides.put(prefix + "admin-auth", "trust");
    more.forEach((key, value) -> overrides.put(prefix + key, value));
    return with(overrides);
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
