package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two operator instances on one (mock) API server with the operator's leader election settings:
 * only the Lease holder reconciles, and the other takes over when it stops. Each instance runs a
 * probe reconciler that records what it reconciled: the tenant workflow's dependents are shared
 * beans of one application, so two workflows cannot run in one JVM; production runs one per pod.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

  private static final String NAMESPACE = "tenantry-system";

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final List<Operator> started = new ArrayList<>();

  /**
   * JOSDK checks its Lease rights with a SelfSubjectRulesReview, which the CRUD mock cannot answer:
   * the answer is the chart's leader-election Role.
   */
  @BeforeEach
  void leaseRightsAsTheChartGrants() {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("get", "list", "watch", "create", "update", "patch")
                .endResourceRule()
                .withIncomplete(false)
                .endStatus()
                .build())
        .always();
  }

  @AfterEach
  void stopOperators() {
    started.forEach(Operator::stop);
    new Cluster(client, server).checkOperatorRequests();
  }

  @Test
  void ofTwoInstancesOnlyTheLeaseHolderReconcilesAndTheOtherTakesOverWhenItStops() {
    OperatorConfig config =
        TestConfig.with(
            Map.of(
                "tenantry.operator.leader-election.lease-namespace", NAMESPACE,
                // long enough that a busy build machine renews in time, as a cluster's would
                "tenantry.operator.leader-election.lease-duration", "10s",
                "tenantry.operator.leader-election.renew-deadline", "7s",
                "tenantry.operator.leader-election.retry-period", "500ms"));
    Probe first = new Probe();
    Probe second = new Probe();
    Operator one = start(config, "operator-1", first);
    await().atMost(Duration.ofSeconds(20)).until(() -> "operator-1".equals(holder()));
    Operator two = start(config, "operator-2", second);

    String before = Tenants.freshSlug("leader");
    createAsTheTest(before);

    await().atMost(Duration.ofSeconds(20)).until(() -> first.reconciled.contains(before));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> second.reconciled.isEmpty());

    one.stop();
    started.remove(one);
    String after = Tenants.freshSlug("follower");
    createAsTheTest(after);

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> second.reconciled.containsAll(Set.of(before, after)));
    assertThat(holder()).isEqualTo("operator-2");
    assertThat(first.reconciled).doesNotContain(after);
    assertThat(two).isNotNull();
  }

  private Operator start(OperatorConfig config, String identity, Probe probe) {
    Operator operator =
        new Operator(
            overrider ->
                overrider
                    .withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withLeaderElectionConfiguration(
                        LeaderElection.builder(config.leaderElection())
                            .withIdentity(identity)
                            // exiting the JVM when it stops leading is for pods, not for tests
                            .buildForTest(false)));
    operator.register(probe);
    operator.start();
    started.add(operator);
    return operator;
  }

  /**
   * Creates a Tenant as an SRE would. The operators here share the test's client (a copy of it did
   * not reach this mock server), so its requests cannot be told apart by User-Agent: the operators'
   * requests so far are checked first, and the create's request is left out.
   */
  private void createAsTheTest(String slug) {
    Cluster cluster = new Cluster(client, server);
    cluster.checkOperatorRequests();
    client.resource(Tenants.tenant(slug, Plan.FREE)).create();
    cluster.forgetRequests();
  }

  private String holder() {
    Lease lease = client.leases().inNamespace(NAMESPACE).withName("tenantry-operator").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  /** Records the Tenants its operator instance reconciled. */
  @ControllerConfiguration(name = "probe")
  static class Probe implements Reconciler<Tenant> {
    final Set<String> reconciled = ConcurrentHashMap.newKeySet();

    @Override
    public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
      reconciled.add(tenant.getMetadata().getName());
      return UpdateControl.noUpdate();
    }
  }
}
