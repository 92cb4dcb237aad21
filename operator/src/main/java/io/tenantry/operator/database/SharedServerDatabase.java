package io.tenantry.operator.database;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.external.PerResourcePollingDependentResource;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Database and role {@code tenant_<slug>} on the shared server: an external resource, so its
 * deletion is explicit and follows {@code spec.deletionPolicy}.
 */
public class SharedServerDatabase
    extends PerResourcePollingDependentResource<TenantDatabase, Tenant, String>
    implements Creator<TenantDatabase, Tenant>, Deleter<Tenant> {

  @Inject OperatorConfig config;
  @Inject PostgresAdmin admin;

  public SharedServerDatabase() {
    super(TenantDatabase.class, ResourceIDMapper.resourceIdProviderMapper());
  }

  @PostConstruct
  void configurePolling() {
    setPollingPeriod(config.database().sharedServer().pollPeriod());
  }

  @Override
  public Set<TenantDatabase> fetchResources(Tenant tenant) {
    return admin.find(TenantNames.database(tenant)).map(Set::of).orElse(Set.of());
  }

  @Override
  protected TenantDatabase desired(Tenant tenant, Context<Tenant> context) {
    String name = TenantNames.database(tenant);
    return new TenantDatabase(name, name);
  }

  @Override
  public ReconcileResult<TenantDatabase> reconcile(Tenant tenant, Context<Tenant> context) {
    if (DatabaseCredentialsSecret.passwordChanged(context)
        && getSecondaryResource(tenant, context).isPresent()) {
      // An existing database (e.g. retained) matches by name, so create() will not run: its role
      // must take the password the Secret now holds here. A missing one gets it from create().
      admin.ensure(TenantNames.database(tenant), password(context));
    }
    return super.reconcile(tenant, context);
  }

  @Override
  public TenantDatabase create(TenantDatabase desired, Tenant tenant, Context<Tenant> context) {
    return admin.ensure(desired.name(), password(context));
  }

  private static String password(Context<Tenant> context) {
    return DatabaseCredentialsSecret.storedPassword(context)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Secret " + TenantNames.DB_SECRET + " is not in the cache yet"));
  }

  @Override
  public void delete(Tenant tenant, Context<Tenant> context) {
    if (tenant.getSpec() != null && tenant.getSpec().deletionPolicy == DeletionPolicy.Delete) {
      admin.drop(TenantNames.database(tenant));
    }
  }
}
