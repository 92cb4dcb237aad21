package io.tenantry.operator.database;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.workflow.TenantSecret;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code tenant-db}: where the tenant app finds its database, and the only place its password
 * lives. The password is generated once; every later reconcile reuses the stored one, and the
 * database dependent sets the role's password from here.
 */
public class DatabaseCredentialsSecret extends TenantSecret {

  public static final String PASSWORD = "password";
  private static final String PASSWORD_CHANGED = "tenantry.db-password-changed";

  @Inject OperatorConfig config;

  public DatabaseCredentialsSecret() {
    super(TenantNames.DB_SECRET);
  }

  @Override
  protected Secret desired(Tenant tenant, Context<Tenant> context) {
    String password =
        storedPassword(tenant, context).orElseGet(DatabaseCredentialsSecret::newPassword);
    return build(tenant, config.database().sharedServer(), password);
  }

  @Override
  public Secret create(Secret desired, Tenant tenant, Context<Tenant> context) {
    markPasswordChanged(context);
    return super.create(desired, tenant, context);
  }

  @Override
  public Secret update(Secret actual, Secret desired, Tenant tenant, Context<Tenant> context) {
    if (!desired.getData().get(PASSWORD).equals(actual.getData().get(PASSWORD))) {
      markPasswordChanged(context);
    }
    return super.update(actual, desired, tenant, context);
  }

  /**
   * Whether this reconcile wrote a password the role does not have yet, e.g. a recreated Tenant
   * re-attaching a retained database: the database dependent must then set it on the role.
   */
  public static boolean passwordChanged(Context<Tenant> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(PASSWORD_CHANGED, Boolean.class)
        .orElse(false);
  }

  private static void markPasswordChanged(Context<Tenant> context) {
    context.managedWorkflowAndDependentResourceContext().put(PASSWORD_CHANGED, true);
  }

  /** The password kept in the tenant's {@code tenant-db} Secret, if it exists yet. */
  public static Optional<String> storedPassword(Tenant tenant, Context<Tenant> context) {
    return TenantSecret.fetch(context, tenant, TenantNames.DB_SECRET)
        .map(Secret::getData)
        .map(data -> data.get(PASSWORD))
        .map(DatabaseCredentialsSecret::decode);
  }

  public static Secret build(Tenant tenant, OperatorConfig.SharedServer server, String password) {
    String database = TenantNames.database(tenant);
    Map<String, String> values = new TreeMap<>();
    values.put("host", server.host());
    values.put("port", String.valueOf(server.port()));
    values.put("database", database);
    values.put("username", database);
    values.put(PASSWORD, password);
    values.put(
        "jdbc-url", "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database);
    Map<String, String> data = new TreeMap<>();
    values.forEach((key, value) -> data.put(key, encode(value)));
    return new SecretBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.DB_SECRET))
        .withType("Opaque")
        .withData(data)
        .build();
  }

  /** 32 random bytes, URL-safe base64: nothing that needs quoting in SQL or a URL. */
  public static String newPassword() {
    return RandomSecrets.random(32);
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String value) {
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
