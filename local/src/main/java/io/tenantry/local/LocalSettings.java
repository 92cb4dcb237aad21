package io.tenantry.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the local run can be told, all from environment variables so that the README's one
 * command needs no arguments. Unset means "start an embedded one".
 *
 * @param home where state, logs and the kubeconfig go ({@code TENANTRY_HOME}, default {@code
 *     .tenantry})
 * @param databaseUrl JDBC URL of an existing PostgreSQL database for the control plane ({@code
 *     TENANTRY_DB_URL}); empty starts an embedded PostgreSQL
 * @param redisUrl Redis for the control plane ({@code TENANTRY_REDIS_URL}); empty means in-process
 *     caching
 * @param ingressPort the loopback port tenant URLs are served on ({@code
 *     TENANTRY_LOCAL_INGRESS_PORT}, default 8000; 0 picks a free one)
 * @param demoTenants how many demo tenants to create, with demo data ({@code --demo N})
 */
record LocalSettings(
    Path repository,
    Path home,
    Optional<String> databaseUrl,
    String databaseUser,
    String databasePassword,
    int embeddedPostgresPort,
    int embeddedKubernetesPort,
    Optional<String> redisUrl,
    int controlPlanePort,
    int operatorPort,
    String platformNamespace,
    int ingressPort,
    int demoTenants) {

  static LocalSettings from(Map<String, String> env, Path repository) {
    return new LocalSettings(
        repository,
        repository.resolve(env.getOrDefault("TENANTRY_HOME", ".tenantry")).toAbsolutePath(),
        nonBlank(env.get("TENANTRY_DB_URL")),
        env.getOrDefault("TENANTRY_DB_USER", "postgres"),
        env.getOrDefault("TENANTRY_DB_PASSWORD", ""),
        Integer.parseInt(env.getOrDefault("TENANTRY_LOCAL_PG_PORT", "15432")),
        Integer.parseInt(env.getOrDefault("TENANTRY_LOCAL_KUBE_PORT", "16080")),
        nonBlank(env.get("TENANTRY_REDIS_URL")),
        Integer.parseInt(env.getOrDefault("TENANTRY_CONTROL_PLANE_PORT", "8080")),
        Integer.parseInt(env.getOrDefault("TENANTRY_OPERATOR_PORT", "8081")),
        env.getOrDefault("TENANTRY_PLATFORM_NAMESPACE", "tenantry-system"),
        Integer.parseInt(env.getOrDefault("TENANTRY_LOCAL_INGRESS_PORT", "8000")),
        0);
  }

  /** These settings with the command line applied: {@code --demo N} (N defaults to 2). */
  LocalSettings withArguments(String[] args) {
    int demo = demoTenants;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--demo")) {
        demo =
            i + 1 < args.length && args[i + 1].matches("\\d{1,2}")
                ? Integer.parseInt(args[++i])
                : 2;
      } else {
        throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; usage: bin/run-local [--demo N]");
      }
    }
    return new LocalSettings(
        repository,
        home,
        databaseUrl,
        databaseUser,
        databasePassword,
        embeddedPostgresPort,
        embeddedKubernetesPort,
        redisUrl,
        controlPlanePort,
        operatorPort,
        platformNamespace,
        ingressPort,
        demo);
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  Path kubeconfig() {
    return home.resolve("kubeconfig");
  }

  Path logs() {
    return home.resolve("logs");
  }

  Path pods() {
    return home.resolve("pods");
  }

  Path hostsFile() {
    return home.resolve("hosts");
  }

  Path bootstrapCredentials() {
    return home.resolve("bootstrap-owner.txt");
  }
}
