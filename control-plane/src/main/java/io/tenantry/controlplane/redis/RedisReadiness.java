package io.tenantry.controlplane.redis;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Redis answers but stays UP either way: login throttling and the flag cache fall
 * back to process memory while Redis is unreachable ({@link RedisFallback}), and taking every pod
 * out of readiness would turn a Redis outage into a platform outage. Replaces the Redis extension's
 * own check, which fails without a server.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

  private final RedisToggle toggle;
  private final Instance<RedisDataSource> redis;

  RedisReadiness(RedisToggle toggle, Instance<RedisDataSource> redis) {
    this.toggle = toggle;
    this.redis = redis;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("Redis login throttle");
    if (!toggle.enabled()) {
      return builder.up().withData("mode", "in-process").build();
    }
    try {
      redis.get().execute("PING");
      return builder.up().withData("mode", "redis").build();
    } catch (RuntimeException e) {
      return builder.up().withData("mode", "in-process").withData("redis", "unreachable").build();
    }
  }
}
