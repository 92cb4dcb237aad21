package io.tenantry.local;

/** What runs where, printed once everything is ready. */
final class LocalSummary {

  private LocalSummary() {}

  static String describe(
      LocalSettings settings,
      LocalDatabase database,
      String kubeconfig,
      ServiceProcess operator,
      ServiceProcess controlPlane) {
    String db =
        database.embedded()
            ? "embedded PostgreSQL on 127.0.0.1:" + database.port() + " (user postgres)"
            : "PostgreSQL at " + database.platformUrl();
    String redis =
        settings.redisUrl().map(url -> "Redis at " + url).orElse("none (in-process caching)");
    return """

        Tenantry is running. Ctrl-C stops everything.

          control plane   %s   (API %s/api/v1, OpenAPI %s/q/openapi, health %s/q/health)
          operator        %s   (health %s/q/health)
          database        %s; platform database '%s'
          redis           %s
          kubeconfig      %s
                          kubectl --kubeconfig %s apply -f deploy/examples/tenant-acme.yaml
                          kubectl --kubeconfig %s get tnt
          first owner     credentials in %s (one-time password; change it after login)
          logs            %s
        """
        .formatted(
            controlPlane.url(),
            controlPlane.url(),
            controlPlane.url(),
            controlPlane.url(),
            operator.url(),
            operator.url(),
            db,
            LocalDatabase.PLATFORM_DATABASE,
            redis,
            kubeconfig,
            kubeconfig,
            kubeconfig,
            settings.bootstrapCredentials(),
            settings.logs());
  }
}
