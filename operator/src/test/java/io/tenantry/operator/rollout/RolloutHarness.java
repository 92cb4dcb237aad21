package io.tenantry.operator.rollout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Release;
import io.tenantry.crds.v1alpha1.ReleaseSpec;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.ApiRequests;
import io.tenantry.operator.support.IndexedCrudDispatcher;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The rollout controller alone, as JOSDK runs it, against the Fabric8 mock API server in CRUD mode,
 * with a {@link FleetSimulator} in place of the tenant controller and the kubelet and a {@link
 * MetricsServer} in place of the tenant apps' metrics. The operator can be stopped and started
 * again against the same server, as a restarted pod would.
 */
final class RolloutHarness implements AutoCloseable {

  final KubernetesMockServer server;

  /** The test's own client (as an SRE or a kubelet); its requests are not the operator's. */
  final KubernetesClient client;

  private final KubernetesClient operatorClient;
  final MetricsServer metrics = new MetricsServer();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final OperatorConfig config;
  final FleetSimulator fleet;
  private Operator operator;

  RolloutHarness(Map<String, String> overrides) {
    this(overrides, 1);
  }

  RolloutHarness(Map<String, String> overrides, int simulatorThreads) {
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            new HashMap<>(),
            new IndexedCrudDispatcher(),
            false);
    server.init();
    operatorClient = server.createClient();
    client = ApiRequests.tester(operatorClient);
    Map<String, String> settings = new HashMap<>(overrides);
    settings.put("tenantry.operator.rollout.signals-url", metrics.urlTemplate());
    config = TestConfig.with(settings);
    fleet = new FleetSimulator(client, config, simulatorThreads);
    fleet.start();
  }

  /** Starts an operator with a fresh rollout controller (a restarted pod has no memory either). */
  void startOperator() {
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(operatorClient)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false));
    operator.register(
        new RolloutReconciler(config, new HttpTenantSignals(config), new RolloutMetrics(registry)));
    operator.start();
  }

  void stopOperator() {
    if (operator != null) {
      operator.stop();
      operator = null;
    }
  }

  /** A tenant labelled for one test, created as the control plane would. */
  Tenant tenant(String slug, Plan plan, String testLabel, Map<String, Object> extra) {
    Tenant tenant = Tenants.tenant(slug, plan);
    Map<String, String> labels = new HashMap<>(Map.of("rollout-test", testLabel));
    if (extra.containsKey("ring")) {
      labels.put("tenantry.io/ring", (String) extra.get("ring"));
    }
    tenant.getMetadata().setLabels(labels);
    if (extra.containsKey("rolloutVersion")) {
      tenant.getSpec().rolloutVersion = (String) extra.get("rolloutVersion");
    }
    if (extra.containsKey("appVersion")) {
      tenant.getSpec().appVersion = (String) extra.get("appVersion");
    }
    if (extra.containsKey("hold")) {
      tenant.getMetadata().setAnnotations(Map.of(Tenant.HOLD_ANNOTATION, "true"));
    }
    return client.resource(tenant).create();
  }

  Release release(String name, String version, boolean rollbackSafe) {
    Release release = new Release();
    release.getMetadata().setName(name);
    release.setSpec(new ReleaseSpec());
    release.getSpec().appVersion = version;
    release.getSpec().rollbackSafe = rollbackSafe;
    return client.resource(release).create();
  }

  Rollout createRollout(String yaml) {
    return client.resource(Serialization.unmarshal(yaml, Rollout.class)).create();
  }

  Rollout rollout(String name) {
    return client.resources(Rollout.class).withName(name).get();
  }

  Tenant tenant(String slug) {
    return client.resources(Tenant.class).withName(slug).get();
  }

  /** Changes Rollout spec fields as {@code kubectl patch --type merge} (or the control plane). */
  void patchRollout(String name, Map<String, Object> fields) {
    client
        .resources(Rollout.class)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", fields)));
  }

  /**
   * The operator's Tenant write requests (PATCH or PUT of a Tenant) since the last call, as tenant
   * names; every request the operator made meanwhile is checked against the reviewed list.
   */
  List<String> tenantWritesSinceLastCall() {
    List<RecordedRequest> requests = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        requests.add(request);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ApiRequests.check(requests);
    List<String> writes = new ArrayList<>();
    String prefix = "/apis/tenantry.io/v1alpha1/tenants/";
    for (RecordedRequest request : requests) {
      if (!ApiRequests.isTester(request)
          && !"GET".equals(request.getMethod())
          && request.getPath().startsWith(prefix)) {
        writes.add(request.getPath().substring(prefix.length()).split("[/?]")[0]);
      }
    }
    return writes;
  }

  @Override
  public void close() {
    stopOperator();
    fleet.close();
    metrics.close();
    client.close();
    operatorClient.close();
    server.destroy();
  }
}
