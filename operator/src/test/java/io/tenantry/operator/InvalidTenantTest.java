package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.SharedServer;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants the mock API server accepts because it does not enforce the CRD schema: the operator must
 * refuse them visibly and create nothing.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class InvalidTenantTest {
  @KubernetesTestServer KubernetesServer server;

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  @Inject @Tester KubernetesClient client;

  @Test
  void nameThatIsNotADnsLabelFailsAsInvalidSpecAndCreatesNothing() {
    String slug = "x_" + Tenants.freshSlug("bad");
    client.resource(Tenants.tenant(slug, Plan.FREE)).create();

    Condition ready = awaitFailed(slug);

    assertThat(ready.getMessage()).contains("metadata.name must be a DNS label");
    assertNothingCreatedFor(slug);
  }

  @Test
  void unknownPlanFailsAsInvalidSpecAndCreatesNothing() {
    String slug = Tenants.freshSlug("plat");
    Map<String, Object> tenant =
        Map.of(
            "apiVersion",
            "tenantry.io/v1alpha1",
            "kind",
            "Tenant",
            "metadata",
            Map.of("name", slug),
            "spec",
            Map.of("displayName", "Platinum Ltd", "plan", "platinum"));
    client.raw(client.getMasterUrl() + "apis/tenantry.io/v1alpha1/tenants", "POST", tenant);

    Condition ready = awaitFailed(slug);

    assertThat(ready.getMessage()).contains("spec.plan must be one of");
    assertNothingCreatedFor(slug);
  }

  @Test
  void punycodeNameFailsAsInvalidSpecAndCreatesNothing() {
    String slug = "xn--" + Tenants.freshSlug("idn");
    client.resource(Tenants.tenant(slug, Plan.FREE)).create();

    Condition ready = awaitFailed(slug);

    assertThat(ready.getMessage()).contains("reserved for IDNA");
    assertNothingCreatedFor(slug);
  }

  @Test
  void reservedNameFailsAsInvalidSpecAndCreatesNothing() {
    client.resource(Tenants.tenant("admin", Plan.FREE)).create();

    Condition ready = awaitFailed("admin");

    assertThat(ready.getMessage()).contains("'admin' is reserved");
    assertNothingCreatedFor("admin");
  }

  private Condition awaitFailed(String slug) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Tenant stored = client.resources(Tenant.class).withName(slug).get();
              return stored.getStatus() != null && stored.getStatus().phase == Phase.Failed;
            });
    Tenant stored = client.resources(Tenant.class).withName(slug).get();
    assertThat(stored.getStatus().conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("InvalidSpec");
            });
    return stored.getStatus().conditions.get(0);
  }

  private void assertNothingCreatedFor(String slug) {
    assertThat(client.namespaces().withName("tenant-" + slug).get()).isNull();
    assertThat(
            client
                .secrets()
                .inAnyNamespace()
                .withLabel("tenantry.io/tenant", slug)
                .list()
                .getItems())
        .isEmpty();
    assertThat(SharedServer.roleExists("tenant_" + slug.replace('-', '_'))).isFalse();
  }
}
