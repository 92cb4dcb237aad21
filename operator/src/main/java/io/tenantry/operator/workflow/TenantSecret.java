package io.tenantry.operator.workflow;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.tenantry.crds.v1alpha1.Tenant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Secret of the tenant namespace the operator writes: fetched by name (the operator may not read
 * Secrets cluster-wide, see {@link FetchedDependent}), created when missing, and written back when
 * its data, type or the operator's labels differ from the desired ones.
 */
public abstract class TenantSecret extends FetchedDependent<Secret>
    implements Updater<Secret, Tenant> {

  protected TenantSecret(String name) {
    super(Secret.class, name);
  }

  /** The tenant's Secret {@code name}, read once per reconcile. */
  public static Optional<Secret> fetch(Context<Tenant> context, Tenant tenant, String name) {
    return FetchedDependent.fetch(context, tenant, Secret.class, name);
  }

  @Override
  public Matcher.Result<Secret> match(Secret actual, Tenant tenant, Context<Tenant> context) {
    Secret desired = getOrComputeDesired(context);
    Map<String, String> labels =
        Objects.requireNonNullElse(actual.getMetadata().getLabels(), Map.of());
    boolean same =
        Objects.equals(desired.getData(), actual.getData())
            && Objects.equals(desired.getType(), actual.getType())
            && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet());
    return Matcher.Result.computed(same, desired);
  }

  @Override
  public Secret update(Secret actual, Secret desired, Tenant tenant, Context<Tenant> context) {
    Secret next =
        new SecretBuilder(desired)
            .editMetadata()
            .withResourceVersion(actual.getMetadata().getResourceVersion())
            .withOwnerReferences(actual.getMetadata().getOwnerReferences())
            .endMetadata()
            .build();
    if (next.getMetadata().getOwnerReferences() == null
        || next.getMetadata().getOwnerReferences().isEmpty()) {
      next.addOwnerReference(tenant);
    }
    return remember(context, context.getClient().resource(next).update());
  }
}
