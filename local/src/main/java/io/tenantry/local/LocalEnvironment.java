package io.tenantry.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The configuration each service gets in a local run, as environment variables. */
final class LocalEnvironment {

  private LocalEnvironment() {}

  static Map<String, String> controlPlane(LocalSettings settings, LocalDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", database.platformUrl());
    if (database.appUser().equals(database.user())) {
      env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
      env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
    } else {
      // The app's role has no password (the embedded server trusts local connections); Flyway
      // migrates as the admin, and Quarkus takes Flyway's credentials only with a non-empty
      // password, which trust authentication ignores.
      env.put("QUARKUS_DATASOURCE_USERNAME", database.appUser());
      env.put("QUARKUS_FLYWAY_USERNAME", database.user());
      env.put(
          "QUARKUS_FLYWAY_PASSWORD", database.password().isEmpty() ? "trust" : database.password());
    }
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
    // Outside a pod there is no namespace to infer the leader-election Lease's from.
    env.put("TENANTRY_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", settings.platformNamespace());
    return env;
  }

  /**
   * With the local cluster, tenants are served by the local ingress: {@code
   * http://<slug>.localhost:<port>} (browsers and curl resolve {@code *.localhost} to loopback),
   * and tenant apps verify the platform's tokens with its public key.
   */
  static Map<String, String> operatorInLocalCluster(int ingressPort, String platformPublicKey) {
    Map<String, String> env = new HashMap<>();
    env.put("TENANTRY_OPERATOR_BASE_DOMAIN", "localhost");
    env.put("TENANTRY_OPERATOR_INGRESS_URL_SCHEME", "http");
    env.put("TENANTRY_OPERATOR_INGRESS_URL_PORT", Integer.toString(ingressPort));
    env.put("TENANTRY_OPERATOR_PLATFORM_PUBLIC_KEY", platformPublicKey);
    // A rollout's soak reads each app's metrics by its Service name; here every Service name is
    // served by the local ingress, on its port (port 8080 on loopback is the control plane).
    env.put(
        "TENANTRY_OPERATOR_ROLLOUT_SIGNALS_URL",
        "http://tenant-app.tenant-{tenant}.svc.cluster.local:" + ingressPort + "/q/metrics");
    // One operator and an API server without authorization reviews: leader election (active in
    // the prod profile only) would refuse to start, so the operator runs in its own profile.
    env.put("QUARKUS_PROFILE", "local");
    env.putAll(patientKubernetesClient());
    return env;
  }

  /** The control plane calls tenant apps by their Service name, on the local ingress's port. */
  static Map<String, String> controlPlaneInLocalCluster(int ingressPort) {
    Map<String, String> env = new HashMap<>(patientKubernetesClient());
    env.put(
        "TENANTRY_TENANT_LINK_URL_TEMPLATE",
        "http://tenant-app.tenant-{slug}.svc.cluster.local:" + ingressPort);
    return env;
  }

  /**
   * The embedded API server shares a laptop's cores with every JVM of the run: an informer's first
   * list may take longer than the client's default 10 s, and an operator whose informer gives up
   * exits.
   */
  private static Map<String, String> patientKubernetesClient() {
    return Map.of("KUBERNETES_REQUEST_TIMEOUT", "60000", "KUBERNETES_CONNECTION_TIMEOUT", "30000");
  }

  /**
   * Service names resolve through the local hosts file; a name looked up before its Service existed
   * must not stay unresolvable for the JDK's default ten seconds.
   */
  static List<String> controlPlaneJvmInLocalCluster(LocalSettings settings) {
    return List.of(
        "-Djdk.net.hosts.file=" + settings.hostsFile(), "-Dsun.net.inetaddr.negative.ttl=0");
  }
}
