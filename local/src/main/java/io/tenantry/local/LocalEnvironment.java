package io.tenantry.local;

import java.util.HashMap;
import java.util.Map;

/** The configuration each service gets in a local run, as environment variables. */
final class LocalEnvironment {

  private LocalEnvironment() {}

  static Map<String, String> controlPlane(LocalSettings settings, LocalDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", database.platformUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
    env.put("TENANTRY_BOOTSTRAP_CREDENTIALS_FILE", settings.bootstrapCredentials().toString());
    env.put("TENANTRY_PLATFORM_NAMESPACE", settings.platformNamespace());
    if (settings.redisUrl().isPresent()) {
      env.put("TENANTRY_REDIS_ENABLED", "true");
      env.put("QUARKUS_REDIS_HOSTS", settings.redisUrl().get());
    } else {
      env.put("TENANTRY_REDIS_ENABLED", "false");
    }
    return env;
  }

  /**
   * The operator provisions tenant databases on the same server as its admin user. A server reached
   * without a password (the embedded one trusts local connections) is declared as such: the
   * operator refuses an empty admin password unless {@code admin-auth} says trust.
   */
  static Map<String, String> operator(LocalSettings settings, LocalDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("TENANTRY_OPERATOR_DATABASE_SHARED_SERVER_HOST", database.host());
    env.put("TENANTRY_OPERATOR_DATABASE_SHARED_SERVER_PORT", Integer.toString(database.port()));
    env.put("TENANTRY_OPERATOR_DATABASE_SHARED_SERVER_ADMIN_USER", database.user());
    if (database.password().isEmpty()) {
      env.put("TENANTRY_OPERATOR_DATABASE_SHARED_SERVER_ADMIN_AUTH", "trust");
    }
    env.put(
        "TENANTRY_OPERATOR_NETWORK_PLATFORM_NAMESPACE_SELECTOR",
        "kubernetes.io/metadata.name=" + settings.platformNamespace());
    env.put("TENANTRY_OPERATOR_BASE_DOMAIN", "tenants.localtest.me");
    return env;
  }
}
