package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A created tenant's whole stack, its readiness, its version, and reconciles that change nothing.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TenantStackTest extends StackTestBase {

  @Test
  void createdTenantGetsItsWholeStackWithLabelsAndOwnerReferences() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("acme"), Plan.STARTER));
    String ns = "tenant-" + tenant.slug();

    await().atMost(PROVISIONING).until(() -> get(Ingress.class, ns, "tenant-app") != null);
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    List<HasMetadata> stack =
        List.of(
            client.namespaces().withName(ns).get(),
            get(RoleBinding.class, ns, "tenantry-operator"),
            get(ResourceQuota.class, ns, "tenant-quota"),
            get(LimitRange.class, ns, "tenant-limits"),
            get(NetworkPolicy.class, ns, "default-deny"),
            get(NetworkPolicy.class, ns, "allow-same-namespace"),
            get(NetworkPolicy.class, ns, "allow-app-ingress"),
            get(NetworkPolicy.class, ns, "allow-egress"),
            get(ServiceAccount.class, ns, "tenant-app"),
            get(Secret.class, ns, "tenant-db"),
            get(Secret.class, ns, "tenant-signing-key"),
            get(Secret.class, ns, "tenant-admin"),
            get(ConfigMap.class, ns, "tenant-entitlements"),
            get(Deployment.class, ns, "tenant-app"),
            get(Service.class, ns, "tenant-app"),
            get(Ingress.class, ns, "tenant-app"));
    assertThat(stack).doesNotContainNull();
    for (HasMetadata object : stack) {
      assertThat(object.getMetadata().getLabels())
          .as(object.getKind() + " labels")
          .containsEntry("tenantry.io/tenant", tenant.slug())
          .containsEntry("app.kubernetes.io/managed-by", "tenantry-operator")
          .containsEntry("app.kubernetes.io/part-of", "tenantry")
          .containsKey("app.kubernetes.io/name");
      assertThat(object.getMetadata().getOwnerReferences())
          .as(object.getKind() + " owner")
          .singleElement()
          .satisfies(
              owner -> {
                assertThat(owner.getKind()).isEqualTo("Tenant");
                assertThat(owner.getUid()).isEqualTo(stored.getMetadata().getUid());
              });
    }
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/audit", "restricted")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted");
    assertThat(client.rbac().roleBindings().inNamespace(ns).list().getItems())
        .as("the one binding there is the operator's; nothing grants the tenant app API rights")
        .singleElement()
        .satisfies(
            binding -> {
              assertThat(binding.getMetadata().getName()).isEqualTo("tenantry-operator");
              assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
              assertThat(binding.getRoleRef().getName()).isEqualTo("tenantry-tenant-stack");
              assertThat(binding.getSubjects())
                  .singleElement()
                  .satisfies(
                      subject -> {
                        assertThat(subject.getKind()).isEqualTo("ServiceAccount");
                        assertThat(subject.getName()).isEqualTo("tenantry-operator");
                        assertThat(subject.getNamespace()).isEqualTo("tenantry-system");
                      });
            });
    assertThat(get(Ingress.class, ns, "tenant-app").getSpec().getRules().get(0).getHost())
        .isEqualTo(tenant.slug() + ".tenants.tenantry.io");
  }

  @Test
  void theOperatorsRoleBindingIsTheFirstObjectWrittenInTheTenantNamespace() {
    cluster.clearRequestLog();
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("first"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();

    await().atMost(PROVISIONING).until(() -> get(Ingress.class, ns, "tenant-app") != null);
    List<String> inNamespace =
        cluster.writesSinceLastDrain().stream()
            .filter(write -> write.contains("/namespaces/" + ns + "/"))
            .toList();

    // without it the operator may not write anything else there (the chart grants it no more)
    assertThat(inNamespace)
        .first()
        .isEqualTo("POST /apis/rbac.authorization.k8s.io/v1/namespaces/" + ns + "/rolebindings");
  }

  @Test
  void availableAppMakesTheTenantReadyWithItsUrl() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("ready"), Plan.FREE));
    awaitDeployment(tenant);

    cluster.markAppAvailable(tenant, 1);

    await().atMost(PROVISIONING).until(() -> phaseOf(tenant) == Phase.Ready);
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    assertThat(stored.getStatus().url)
        .isEqualTo("https://" + tenant.slug() + ".tenants.tenantry.io");
    assertThat(stored.getStatus().observedGeneration)
        .isEqualTo(stored.getMetadata().getGeneration());
    assertThat(stored.getStatus().conditions)
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactlyInAnyOrder(
            "NamespaceReady=True",
            "NetworkIsolated=True",
            "DatabaseReady=True",
            "IsolationVerified=True",
            "AppAvailable=True",
            "IngressReady=True",
            "Ready=True");
  }

  @Test
  void theTenantReportsTheVersionItsAppRunsAndARolloutVersionChangesTheImage() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("version"), Plan.FREE));
    awaitDeployment(tenant);
    cluster.markAppAvailable(tenant, 1);
    await().atMost(PROVISIONING).until(() -> "0.1.0".equals(appVersionOf(tenant)));

    Tenants.patchSpec(client, tenant.slug(), Map.of("rolloutVersion", "2.0.0"));

    await()
        .atMost(PROVISIONING)
        .until(() -> appImage(tenant).equals("ghcr.io/tenantry/tenant-app:2.0.0"));
    cluster.markAppAvailable(tenant, 1);
    await().atMost(PROVISIONING).until(() -> "2.0.0".equals(appVersionOf(tenant)));

    // A pin wins over the rollout's version.
    Tenants.patchSpec(client, tenant.slug(), Map.of("appVersion", "1.5.0"));
    await()
        .atMost(PROVISIONING)
        .until(() -> appImage(tenant).equals("ghcr.io/tenantry/tenant-app:1.5.0"));
  }

  private String appVersionOf(Tenant tenant) {
    Tenant stored = client.resources(Tenant.class).withName(tenant.slug()).get();
    return stored.getStatus() == null ? null : stored.getStatus().appVersion;
  }

  private String appImage(Tenant tenant) {
    return client
        .apps()
        .deployments()
        .inNamespace("tenant-" + tenant.slug())
        .withName("tenant-app")
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  @Test
  void reconcileWithNothingChangedSendsNoWriteRequests() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("quiet"), Plan.FREE));
    awaitDeployment(tenant);
    cluster.markAppAvailable(tenant, 1);
    await().atMost(PROVISIONING).until(() -> phaseOf(tenant) == Phase.Ready);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(PROVISIONING)
        .until(() -> cluster.writesSinceLastDrain().isEmpty());
    double reconciles = metrics.reconciliations(tenant.slug());

    // A status heartbeat from the Deployment controller is an event, but nothing to change.
    cluster.markAppAvailable(tenant, 1);
    cluster.clearRequestLog();

    await().atMost(PROVISIONING).until(() -> metrics.reconciliations(tenant.slug()) > reconciles);
    List<String> writes = new ArrayList<>();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              writes.addAll(cluster.writesSinceLastDrain());
              return true;
            });
    assertThat(writes).isEmpty();
  }

  @Test
  void planChangeResizesTheQuota() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("grow"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> get(ResourceQuota.class, ns, "tenant-quota") != null);
    assertThat(hardPods(ns)).isEqualTo(new Quantity("5"));

    Tenants.patchSpec(client, tenant.slug(), Map.of("plan", Plan.ENTERPRISE.value()));

    await().atMost(PROVISIONING).until(() -> new Quantity("50").equals(hardPods(ns)));
    ResourceQuota quota = get(ResourceQuota.class, ns, "tenant-quota");
    assertThat(quota.getSpec().getHard())
        .containsEntry("requests.cpu", new Quantity("4"))
        .containsEntry("limits.memory", new Quantity("16Gi"))
        .containsEntry("services.nodeports", new Quantity("0"));
  }

  private Quantity hardPods(String ns) {
    return get(ResourceQuota.class, ns, "tenant-quota").getSpec().getHard().get("pods");
  }

  @Test
  void exportsReconcileMetricsPerTenant() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("metered"), Plan.FREE));
    await().atMost(PROVISIONING).until(() -> metrics.reconciliations(tenant.slug()) > 0);

    io.restassured.RestAssured.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "tenantry_operator_reconciliations_total{tenant=\"" + tenant.slug() + "\"}"),
            org.hamcrest.Matchers.containsString(
                "tenantry_operator_reconcile_duration_seconds_count{tenant=\""
                    + tenant.slug()
                    + "\"}"));
  }
}
