package io.tenantry.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.Tenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects edited behind the operator's back are put back. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TenantDriftTest extends StackTestBase {

  @Test
  void anEditedNetworkPolicyIsRevertedCountedAndTheTenantVerifiesItsIsolationAgain() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("drift"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> isolationVerified(tenant));
    double revertedBefore = metrics.driftReverted(tenant.slug());

    NetworkPolicy egress = get(NetworkPolicy.class, ns, "allow-egress");
    egress
        .getSpec()
        .setEgress(
            List.of(
                new NetworkPolicyEgressRuleBuilder()
                    .addNewTo()
                    .withNewIpBlock()
                    .withCidr("0.0.0.0/0")
                    .endIpBlock()
                    .endTo()
                    .build()));
    client.resource(egress).update();

    await()
        .atMost(PROVISIONING)
        .untilAsserted(
            () ->
                assertThat(get(NetworkPolicy.class, ns, "allow-egress").getSpec().getEgress())
                    .hasSizeGreaterThan(1));
    // the counter moves just after the write returns, so a reader can see the write first
    await()
        .atMost(PROVISIONING)
        .untilAsserted(
            () -> assertThat(metrics.driftReverted(tenant.slug())).isGreaterThan(revertedBefore));
    await().atMost(PROVISIONING).until(() -> isolationVerified(tenant));
  }

  @Test
  void aSecretEditedBehindTheOperatorsBackIsRestoredAtTheTenantsNextReconcileWithItsKeyKept() {
    Tenant tenant = create(Tenants.tenant(Tenants.freshSlug("keyedit"), Plan.FREE));
    String ns = "tenant-" + tenant.slug();
    await().atMost(PROVISIONING).until(() -> isolationVerified(tenant));
    Secret key = get(Secret.class, ns, "tenant-signing-key");
    Map<String, String> generated = Map.copyOf(key.getData());

    key.getMetadata().getLabels().remove("tenantry.io/tenant");
    client.resource(key).update();
    // the operator does not watch Secrets: any change of the Tenant reconciles it
    Tenants.patchSpec(client, tenant.slug(), Map.of("displayName", "Key Edit Ltd"));

    await()
        .atMost(PROVISIONING)
        .untilAsserted(
            () ->
                assertThat(get(Secret.class, ns, "tenant-signing-key").getMetadata().getLabels())
                    .containsEntry("tenantry.io/tenant", tenant.slug()));
    assertThat(get(Secret.class, ns, "tenant-signing-key").getData()).isEqualTo(generated);
  }
}
