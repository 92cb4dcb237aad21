package io.tenantry.local;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.local.gc.GarbageCollector;
import io.tenantry.local.ingress.HostsFile;
import io.tenantry.local.ingress.LocalIngress;
import io.tenantry.local.workloads.Images;
import io.tenantry.local.workloads.LocalApp;
import io.tenantry.local.workloads.RunnerSettings;
import io.tenantry.local.workloads.WorkloadRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes the embedded API server a cluster: the workload runner (kubelet), the ingress, the
 * garbage collector, and the platform's local name resolution. Only ever started with the embedded
 * API server, never against a real kube context.
 */
final class LocalCluster implements AutoCloseable {

  /** The image repositories the operator stamps, mapped to the reactor's tenant app. */
  static final List<String> TENANT_APP_IMAGES =
      List.of("ghcr.io/tenantry/tenant-app", "tenantry/tenant-app");

  private final WorkloadRunner runner;
  private final LocalIngress ingress;
  private final GarbageCollector collector;
  private final HostsFile hosts;

  private final List<SharedIndexInformer<?>> informers;

  private LocalCluster(
      WorkloadRunner runner,
      LocalIngress ingress,
      GarbageCollector collector,
      HostsFile hosts,
      List<SharedIndexInformer<?>> informers) {
    this.runner = runner;
    this.ingress = ingress;
    this.collector = collector;
    this.hosts = hosts;
    this.informers = informers;
  }

  static LocalCluster start(
      KubernetesClient client,
      LocalSettings settings,
      LocalDatabase database,
      RunnerSettings runnerSettings)
      throws IOException {
    WorkloadRunner runner = new WorkloadRunner(client, runnerSettings);
    HostsFile hosts = new HostsFile(settings.hostsFile(), fixedHosts(settings, database));
    LocalIngress ingress;
    try {
      ingress =
          LocalIngress.start(settings.ingressPort(), client, runner::readyPorts, hosts::update);
    } catch (IOException e) {
      runner.close();
      throw new IOException(
          "cannot listen on 127.0.0.1:"
              + settings.ingressPort()
              + " for tenant URLs ("
              + e.getMessage()
              + "); set TENANTRY_LOCAL_INGRESS_PORT to a free port",
          e);
    }
    SharedIndexInformer<Tenant> tenants = client.resources(Tenant.class).inform();
    SharedIndexInformer<Namespace> namespaces = client.namespaces().inform();
    GarbageCollector collector =
        new GarbageCollector(
            client,
            List.of(c -> c.resources(Tenant.class).list().getItems()),
            List.of(tenants, namespaces),
            30_000);
    return new LocalCluster(runner, ingress, collector, hosts, List.of(tenants, namespaces));
  }

  static RunnerSettings runnerSettings(LocalSettings settings) {
    LocalApp tenantApp =
        LocalApp.of(settings.repository().resolve("tenant-app/target/quarkus-app"));
    if (tenantApp.withoutAotCache()) {
      Progress.step(
          "tenant apps start without the AOT cache their image ships"
              + " (build with -Paot to train it: slower starts, same behaviour)");
    }
    Map<String, LocalApp> images = new HashMap<>();
    TENANT_APP_IMAGES.forEach(image -> images.put(image, tenantApp));
    // Demo data on request: the admin-only endpoint exists in local runs (never in a cluster).
    return RunnerSettings.kubeletLike(
        new Images(images),
        settings.pods(),
        settings.logs(),
        Map.of("TENANTRY_TENANT_DEMO_ENABLED", "true"));
  }

  /** Hosts the platform's JVMs reach besides Services, since the hosts file is all they resolve. */
  private static Map<String, String> fixedHosts(LocalSettings settings, LocalDatabase database) {
    Map<String, String> fixed = new HashMap<>();
    resolve(database.host(), fixed);
    settings
        .redisUrl()
        .map(url -> java.net.URI.create(url).getHost())
        .ifPresent(h -> resolve(h, fixed));
    return fixed;
  }

  private static void resolve(String host, Map<String, String> into) {
    if (host == null
        || host.isBlank()
        || host.equals("localhost")
        || Character.isDigit(host.charAt(0))) {
      return;
    }
    try {
      into.put(host, InetAddress.getByName(host).getHostAddress());
    } catch (IOException e) {
      // Unresolvable now: the service reports it when it connects.
    }
  }

  int ingressPort() {
    return ingress.port();
  }

  HostsFile hosts() {
    return hosts;
  }

  WorkloadRunner runner() {
    return runner;
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    collector.close();
    ingress.close();
    runner.close();
  }
}
