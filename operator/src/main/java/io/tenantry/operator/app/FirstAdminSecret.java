package io.tenantry.operator.app;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.database.DatabaseCredentialsSecret;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.workflow.TenantSecret;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The tenant's first staff admin: an e-mail and a one-time password, generated on first reconcile
 * and kept (the existing data always wins). The app creates the account from it when it has no
 * staff yet, so whoever may read Secrets in the tenant namespace hands it over; the admin changes
 * the password after signing in. The app ignores it once any staff user exists.
 */
public class FirstAdminSecret extends TenantSecret {

  public static final String EMAIL = "email";
  public static final String PASSWORD = "password";

  @Inject OperatorConfig config;

  public FirstAdminSecret() {
    super(TenantNames.FIRST_ADMIN_SECRET);
  }

  @Override
  protected Secret desired(Tenant tenant, Context<Tenant> context) {
    Map<String, String> data =
        TenantSecret.fetch(context, tenant, TenantNames.FIRST_ADMIN_SECRET)
            .map(Secret::getData)
            .filter(existing -> existing.containsKey(PASSWORD) && existing.containsKey(EMAIL))
            .orElseGet(() -> newCredential(tenant, config.baseDomain()));
    return build(tenant, data);
  }

  public static Secret build(Tenant tenant, Map<String, String> data) {
    return new SecretBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.FIRST_ADMIN_SECRET))
        .withType("Opaque")
        .withData(data)
        .build();
  }

  /** {@code admin@<tenant host>} and a random password, as base64 Secret data. */
  public static Map<String, String> newCredential(Tenant tenant, String baseDomain) {
    return Map.of(
        EMAIL, base64("admin@" + TenantNames.host(tenant, baseDomain)),
        PASSWORD, base64(DatabaseCredentialsSecret.newPassword()));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
