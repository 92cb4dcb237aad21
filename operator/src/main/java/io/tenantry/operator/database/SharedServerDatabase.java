package io.tenantry.operator.database;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.external.PerResourcePollingDependentResource;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.namespace.Plans;
import io.tenantry.operator.naming.TenantNames;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Database and role {@code tenant_<slug>} on the shared server: an external resource. What the
 * server holds is compared with what the tenant needs (owner, ACL, login, connection limit) and
 * fixed whenever they differ, so a provisioning interrupted at any step is completed, never
 * trusted. Its deletion is explicit and follows {@code spec.deletionPolicy}.
 */
public class SharedServerDatabase
    extends PerResourcePollingDependentResource<TenantDatabase, Tenant, String>
    implements Creator<TenantDatabase, Tenant>, Updater<TenantDatabase, Tenant>, Deleter<Tenant> {

  @Inject OperatorConfig config;
  @Inject PostgresAdmin admin;
  @Inject Reattachments reattachments;

  public SharedServerDatabase() {
    super(TenantDatabase.class, ResourceIDMapper.resourceIdProviderMapper());
  }

  @PostConstruct
  void configurePolling() {
    setPollingPeriod(config.database().sharedServer().pollPeriod());
  }

  /**
   * What the server holds now. A server that cannot be reached counts as holding nothing: the
   * change makes JOSDK reconcile the tenant, whose provisioning then fails and says why (polling
   * failures alone are only logged by JOSDK), and completes once the server is back.
   */
  @Override
  public Set<TenantDatabase> fetchResources(Tenant tenant) {
    try {
      return admin.find(TenantNames.database(tenant)).map(Set::of).orElse(Set.of());
    } catch (DatabaseUnreachableException e) {
      return Set.of();
    }
  }

  @Override
  protected TenantDatabase desired(Tenant tenant, Context<Tenant> context) {
    return TenantDatabase.desired(
        TenantNames.database(tenant), Plans.tierOf(tenant, config).databaseConnectionLimit());
  }

  /**
   * Equal to the desired state, unless this reconcile wrote a password the role does not have yet
   * (e.g. a new credentials Secret): then the role takes it in {@link #update}.
   */
  @Override
  public Matcher.Result<TenantDatabase> match(
      TenantDatabase actual, Tenant tenant, Context<Tenant> context) {
    TenantDatabase desired = desired(tenant, context);
    return Matcher.Result.computed(
        actual.equals(desired) && !DatabaseCredentialsSecret.passwordChanged(context), desired);
  }

  @Override
  public TenantDatabase create(TenantDatabase desired, Tenant tenant, Context<Tenant> context) {
    return admin.ensure(desired.name(), password(tenant, context), desired.connectionLimit());
  }

  @Override
  public TenantDatabase update(
      TenantDatabase actual, TenantDatabase desired, Tenant tenant, Context<Tenant> context) {
    if (!actual.retained()) {
      return admin.ensure(desired.name(), password(tenant, context), desired.connectionLimit());
    }
    if (!tenant.getSpec().reattachesRetainedDatabase()) {
      throw new RetainedDatabaseException(desired.name());
    }
    TenantDatabase reattached =
        admin.reattach(
            desired.name(),
            password(tenant, context),
            desired.connectionLimit(),
            tenant.getMetadata().getUid());
    reattachments.record(tenant, desired.name(), context.getClient());
    return reattached;
  }

  private static String password(Tenant tenant, Context<Tenant> context) {
    return DatabaseCredentialsSecret.storedPassword(tenant, context)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Secret " + TenantNames.DB_SECRET + " does not exist yet"));
  }

  @Override
  public void delete(Tenant tenant, Context<Tenant> context) {
    String name = TenantNames.database(tenant);
    if (tenant.getSpec() != null && tenant.getSpec().deletionPolicy == DeletionPolicy.Delete) {
      admin.drop(name);
    } else {
      admin.retain(name, tenant.getMetadata().getUid());
    }
  }
}
