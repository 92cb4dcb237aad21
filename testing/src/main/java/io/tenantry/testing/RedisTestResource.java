package io.tenantry.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application under test at the real Redis server on 127.0.0.1:6379 (or {@code
 * TENANTRY_TEST_REDIS_URL}), logical database 15, which nothing but tests uses. Test classes that
 * depend on an empty Redis call {@code FLUSHDB} through the application's own client in a
 * {@code @BeforeEach}.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    if (Boolean.parseBoolean(System.getenv("TENANTRY_TEST_DEVSERVICES"))) {
      return Map.of();
    }
    String url = System.getenv("TENANTRY_TEST_REDIS_URL");
    return Map.of(
        "quarkus.redis.hosts",
        url == null || url.isBlank() ? "redis://127.0.0.1:6379/15" : url,
        "quarkus.redis.devservices.enabled",
        "false");
  }

  @Override
  public void stop() {}
}
