package io.tenantry.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.crds.v1alpha1.Tenant;
import java.util.List;
import java.util.Optional;

/** What runs where, printed once everything is ready. */
final class LocalSummary {

  private LocalSummary() {}

  static String describe(LocalPlatform platform, List<DemoTenants.Created> demo) {
    LocalSettings settings = platform.settings();
    LocalDatabase database = platform.database();
    ServiceProcess controlPlane = platform.controlPlane();
    ServiceProcess operator = platform.operator();
    String kubeconfig = platform.kubeconfig();
    String db =
        database.embedded()
            ? "embedded PostgreSQL on 127.0.0.1:" + database.port() + " (user postgres)"
            : "PostgreSQL at " + database.platformUrl();
    String redis =
        settings.redisUrl().map(url -> "Redis at " + url).orElse("none (in-process caching)");
    String tenantUrls =
        platform.cluster() == null
            ? "served by your cluster's ingress"
            : "http://<slug>.localhost:"
                + platform.cluster().ingressPort()
                + "  (apps log to "
                + settings.logs()
                + "/<slug>.log)";
    return """

        Tenantry is running on 127.0.0.1. Ctrl-C stops everything.

          control plane   %s   (API %s/api/v1, OpenAPI %s/q/openapi, health %s/q/health)
          operator        %s   (health %s/q/health)
          tenants         %s
          database        %s; platform database '%s'
          redis           %s
          kubeconfig      %s
                          kubectl --kubeconfig %s apply -f deploy/examples/tenant-acme.yaml
                          kubectl --kubeconfig %s get tnt
          first owner     credentials in %s (%s)
          logs            %s
        %s"""
        .formatted(
            controlPlane.url(),
            controlPlane.url(),
            controlPlane.url(),
            controlPlane.url(),
            operator.url(),
            operator.url(),
            tenantUrls,
            db,
            LocalDatabase.PLATFORM_DATABASE,
            redis,
            kubeconfig,
            kubeconfig,
            kubeconfig,
            settings.bootstrapCredentials(),
            demo.isEmpty()
                ? "one-time password; change it after login"
                : "the demo's password, chosen in place of the one-time one",
            settings.logs(),
            tenants(platform.client(), demo));
  }

  /** Every tenant in the API server with its URL, phase and first staff sign-in. */
  static String tenants(KubernetesClient client, List<DemoTenants.Created> demo) {
    if (client == null) {
      return "";
    }
    List<Tenant> tenants = client.resources(Tenant.class).list().getItems();
    if (tenants.isEmpty()) {
      return "\n  no tenants yet: create one with the API or kubectl (above), or start with --demo 2\n";
    }
    StringBuilder text =
        new StringBuilder("\n  tenant          phase          url and first staff sign-in\n");
    for (Tenant tenant : tenants) {
      String slug = tenant.slug();
      String phase =
          tenant.getStatus() == null || tenant.getStatus().phase == null
              ? "Pending"
              : tenant.getStatus().phase.name();
      String url =
          tenant.getStatus() == null || tenant.getStatus().url == null
              ? "-"
              : tenant.getStatus().url;
      text.append(String.format("  %-15s %-14s %s%n", slug, phase, url));
      signIn(client, slug, demo).ifPresent(line -> text.append(line));
    }
    boolean withData = !demo.isEmpty();
    if (withData) {
      text.append("  demo data: 200 subscribers each; try a cross-tenant search for \"Okafor\"\n");
    }
    return text.toString();
  }

  /**
   * A demo tenant's admin already traded the one-time password for the demo's own (printed as is);
   * any other tenant's admin gets the Secret's one-time password, to change at first sign-in.
   */
  private static Optional<String> signIn(
      KubernetesClient client, String slug, List<DemoTenants.Created> demo) {
    Optional<DemoTenants.StaffAdmin> demoAdmin =
        demo.stream()
            .filter(created -> created.slug().equals(slug))
            .findFirst()
            .flatMap(DemoTenants.Created::admin);
    if (demoAdmin.isPresent()) {
      DemoTenants.StaffAdmin a = demoAdmin.get();
      return Optional.of(
          String.format(
              "  %-15s %-14s sign in as %s / %s (demo admin)%n", "", "", a.email(), a.password()));
    }
    return DemoTenants.admin(client, slug)
        .map(
            a ->
                String.format(
                    "  %-15s %-14s sign in as %s / %s (one-time: you choose your own at first"
                        + " sign-in)%n",
                    "", "", a.email(), a.password()));
  }
}
