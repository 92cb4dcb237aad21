package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.charts.TenantryChart.Rendered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/values-dev.yaml and deploy/values-prod.yaml render what each environment needs. */
class EnvironmentValuesTest {

  private static Rendered render(String file) {
    return TenantryChart.render(Map.of(), List.of(TenantryChart.root().resolve("deploy/" + file)));
  }

  @Test
  void devRunsKindLoadedImagesAgainstInClusterDependencies() {
    Rendered dev = render("values-dev.yaml");

    assertThat(dev.ofKind("Deployment"))
        .allSatisfy(
            d ->
                assertThat(d.at("/spec/template/spec/containers/0/imagePullPolicy").asText())
                    .isEqualTo("Never"));
    assertThat(dev.ofKind("PodDisruptionBudget")).isEmpty();
    assertThat(dev.get("Secret", "tenantry-control-plane").at("/stringData/database-url").asText())
        .isEqualTo("jdbc:postgresql://control-plane-db:5432/tenantry");
    assertThat(dev.has("NetworkPolicy", "tenantry-control-plane-redis")).isTrue();
    assertThat(dev.has("NetworkPolicy", "tenantry-tenant-database")).isTrue();
  }

  @Test
  void prodKeepsEveryCredentialOutOfTheChart() {
    Rendered prod = render("values-prod.yaml");

    assertThat(prod.ofKind("Secret")).isEmpty();
    assertThat(
            prod.env("tenantry-control-plane", "TENANTRY_SECRETS_VAULT_TOKEN")
                .at("/valueFrom/secretKeyRef/name")
                .asText())
        .isEqualTo("tenantry-control-plane-credentials");
    assertThat(prod.ofKind("ServiceMonitor")).hasSize(2);
    assertThat(prod.get("ClusterRole", "tenantry-operator").toString())
        .contains("postgresql.cnpg.io");
  }

  @Test
  void prodDisruptionBudgetLeavesRoomToDrainANode() {
    Rendered prod = render("values-prod.yaml");

    int replicas = prod.get("Deployment", "tenantry-control-plane").at("/spec/replicas").asInt();
    int minAvailable =
        prod.get("PodDisruptionBudget", "tenantry-control-plane").at("/spec/minAvailable").asInt();
    assertThat(minAvailable).isPositive().isLessThan(replicas);
  }
}
