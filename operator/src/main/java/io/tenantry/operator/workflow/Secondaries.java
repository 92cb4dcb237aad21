package io.tenantry.operator.workflow;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.tenantry.crds.v1alpha1.Tenant;
import java.util.Optional;

/** Looks up a tenant's object in the informer caches by name, without an API call. */
public final class Secondaries {

  private Secondaries() {}

  public static <R extends HasMetadata> Optional<R> named(
      Context<Tenant> context, Class<R> type, String name) {
    return context
        .getSecondaryResourcesAsStream(type)
        .filter(resource -> name.equals(resource.getMetadata().getName()))
        .findFirst();
  }
}
