package io.tenantry.controlplane.signin;

import io.quarkus.redis.datasource.RedisDataSource;
import io.tenantry.controlplane.redis.RedisToggle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Redis when enabled; process memory otherwise, so a local run needs no Redis server. */
public class LoginThrottleProducer {

  private static final Logger LOG = Logger.getLogger(LoginThrottleProducer.class);

  @Produces
  @ApplicationScoped
  LoginThrottle loginThrottle(
      RedisToggle redis, AuthConfig config, Instance<RedisDataSource> dataSource) {
    if (redis.enabled()) {
      return new FallbackLoginThrottle(
          new RedisLoginThrottle(dataSource.get(), config),
          new LocalLoginThrottle(config, Clock.systemUTC()));
    }
    LOG.info("tenantry.redis.enabled=false: login throttling is kept in process memory");
    return new LocalLoginThrottle(config, Clock.systemUTC());
  }
}
