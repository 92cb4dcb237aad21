package io.tenantry.operator.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tests' own client (an SRE, a kubelet), beside the operator's: its requests are not counted as
 * the operator's ({@link ApiRequests}).
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Tester {

  /** Produces the {@link Tester} client in {@code @QuarkusTest}s. */
  @Singleton
  class Producer {

    @Produces
    @Singleton
    @Tester
    KubernetesClient tester(KubernetesClient operator) {
      return ApiRequests.tester(operator);
    }

    void close(@Disposes @Tester KubernetesClient client) {
      client.close();
    }
  }
}
