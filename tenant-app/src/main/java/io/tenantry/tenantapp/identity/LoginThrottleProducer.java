package io.tenantry.tenantapp.identity;

import io.tenantry.common.throttle.LoginFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Sign-in throttling in process memory: a tenant app runs as one instance, so there is nothing to
 * share the counts with (a restart forgets them, as it forgets nothing else an attacker needs).
 */
@ApplicationScoped
class LoginThrottleProducer {

  @Produces
  @ApplicationScoped
  LoginFailures loginFailures(IdentityConfig config, Clock clock) {
    IdentityConfig.LoginThrottle limits = config.loginThrottle();
    return new LoginFailures(
        new LoginFailures.Limits(
            limits.maxAccountFailures(),
            limits.maxAddressFailures(),
            limits.window(),
            limits.lockout()),
        clock);
  }
}
