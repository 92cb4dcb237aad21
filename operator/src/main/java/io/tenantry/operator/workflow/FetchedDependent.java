package io.tenantry.operator.workflow;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.AbstractDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.naming.TenantNames;
import java.util.Optional;
import java.util.Set;

/**
 * A dependent in the tenant namespace that is read by name from the API server in each reconcile,
 * with no informer behind it.
 *
 * <p>An informer lists and watches its kind in every namespace, and RBAC grants list and watch on
 * every namespace or on one, never on a label selector: an informer on Secrets would need the right
 * to read every Secret in the cluster. A GET by name in the tenant namespace needs only the rights
 * the operator's RoleBinding grants there. The price is a GET per reconcile and no event when the
 * object changes behind the operator's back; the next reconcile of the tenant restores it. A read
 * is remembered for the rest of the reconcile (the dependents that use the object after it was
 * written see that version without a second call).
 */
public abstract class FetchedDependent<R extends HasMetadata>
    extends AbstractDependentResource<R, Tenant> implements Creator<R, Tenant> {

  private final Class<R> type;
  private final String name;

  protected FetchedDependent(Class<R> type, String name) {
    this.type = type;
    this.name = name;
  }

  @Override
  public Class<R> resourceType() {
    return type;
  }

  @Override
  public Optional<R> getSecondaryResource(Tenant tenant, Context<Tenant> context) {
    return fetch(context, tenant, type, name);
  }

  /** The tenant's object {@code name} as the API server holds it, read once per reconcile. */
  public static <R extends HasMetadata> Optional<R> fetch(
      Context<Tenant> context, Tenant tenant, Class<R> type, String name) {
    var memo = context.managedWorkflowAndDependentResourceContext();
    String key = key(type, name);
    Optional<Fetched> known = memo.get(key, Fetched.class);
    if (known.isPresent()) {
      return Optional.ofNullable(type.cast(known.get().resource()));
    }
    R read =
        context
            .getClient()
            .resources(type)
            .inNamespace(TenantNames.namespace(tenant))
            .withName(name)
            .get();
    memo.put(key, new Fetched(read));
    return Optional.ofNullable(read);
  }

  @Override
  public R create(R desired, Tenant tenant, Context<Tenant> context) {
    desired.addOwnerReference(tenant);
    return remember(context, context.getClient().resource(desired).create());
  }

  /** Records what was just written as this reconcile's view of the object. */
  protected R remember(Context<Tenant> context, R written) {
    context
        .managedWorkflowAndDependentResourceContext()
        .put(key(type, written.getMetadata().getName()), new Fetched(written));
    return written;
  }

  /** Only dependents that are also updaters compare; the others are created once, when missing. */
  @Override
  public Matcher.Result<R> match(R actual, Tenant tenant, Context<Tenant> context) {
    return Matcher.Result.nonComputed(true);
  }

  @Override
  protected Optional<R> selectTargetSecondaryResource(
      Set<R> secondaries, Tenant tenant, Context<Tenant> context) {
    return secondaries.stream()
        .filter(resource -> name.equals(resource.getMetadata().getName()))
        .findFirst();
  }

  @Override
  protected void onCreated(Tenant tenant, R created, Context<Tenant> context) {
    // no cache to prime: nothing watches this kind
  }

  @Override
  protected void onUpdated(Tenant tenant, R updated, R actual, Context<Tenant> context) {
    // no cache to prime: nothing watches this kind
  }

  private static String key(Class<?> type, String name) {
    return "fetched/" + type.getSimpleName() + "/" + name;
  }

  /** A read, remembered even when nothing was there. */
  private record Fetched(Object resource) {}
}
