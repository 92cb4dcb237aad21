package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.charts.TenantryChart.Rendered;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {

  /** Tenant app pods in namespaces the operator manages, on the app's HTTP port only. */
  private static final String TO_TENANT_APPS =
      "{\"to\":[{\"namespaceSelector\":{\"matchLabels\":"
          + "{\"app.kubernetes.io/managed-by\":\"tenantry-operator\"}},"
          + "\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"tenant-app\"}}}],"
          + "\"ports\":[{\"port\":8080,\"protocol\":\"TCP\"}]}";

  private static final String CP_SELECTOR =
      "{\"app.kubernetes.io/name\":\"control-plane\",\"app.kubernetes.io/instance\":\"tenantry\"}";

  @Test
  void platformNamespaceDeniesAllIngressByDefault() {
    JsonNode deny =
        TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-default-deny-ingress");

    assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
    assertThat(deny.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
    assertThat(deny.at("/spec/ingress").isMissingNode()).isTrue();
  }

  @Test
  void onlyTheControlPlaneReachesItsDatabase() {
    JsonNode policy =
        TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-control-plane-database");

    assertThat(policy.at("/spec/podSelector/matchLabels").toString())
        .isEqualTo("{\"app.kubernetes.io/name\":\"control-plane-db\"}");
    assertThat(policy.at("/spec/ingress")).hasSize(1);
    assertThat(policy.at("/spec/ingress/0/from")).hasSize(1);
    assertThat(policy.at("/spec/ingress/0/from/0").toString())
        .isEqualTo("{\"podSelector\":{\"matchLabels\":" + CP_SELECTOR + "}}");
    assertThat(policy.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(5432);
  }

  @Test
  void controlPlaneMayReachTenantAppsOnTheirServicePort() {
    JsonNode policy = TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-control-plane");

    JsonNode toTenants = null;
    for (JsonNode rule : policy.at("/spec/egress")) {
      if (rule.toString().contains("tenant-app")) {
        toTenants = rule;
      }
    }
    assertThat(toTenants).isNotNull();
    assertThat(toTenants.at("/to/0/namespaceSelector/matchLabels").toString())
        .isEqualTo("{\"app.kubernetes.io/managed-by\":\"tenantry-operator\"}");
    assertThat(toTenants.at("/ports/0/port").asInt()).isEqualTo(8080);
  }

  @Test
  void controlPlaneAdmitsOnlyTheIngressController() {
    JsonNode policy = TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-control-plane");

    assertThat(policy.at("/spec/ingress/0/from")).hasSize(1);
    assertThat(
            policy
                .at("/spec/ingress/0/from/0/namespaceSelector/matchLabels")
                .path("kubernetes.io/metadata.name")
                .asText())
        .isEqualTo("ingress-nginx");
  }

  @Test
  void anExternalDatabaseIsReachedByCidr() {
    Rendered rendered = TenantryChart.render(Map.of("controlPlane.database.cidr", "10.20.0.0/24"));

    assertThat(rendered.has("NetworkPolicy", "tenantry-control-plane-database")).isFalse();
    assertThat(
            rendered.get("NetworkPolicy", "tenantry-control-plane").at("/spec/egress").toString())
        .contains("{\"ipBlock\":{\"cidr\":\"10.20.0.0/24\"}}");
  }

  @Test
  void sharedTenantDatabaseAdmitsOnlyTheOperatorAndTenantApps() {
    JsonNode policy =
        TenantryChart.render(Map.of("operator.database.sharedServer.podSelector.app", "tenant-db"))
            .get("NetworkPolicy", "tenantry-tenant-database");

    assertThat(policy.at("/spec/ingress/0/from")).hasSize(2);
    assertThat(
            policy
                .at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name")
                .asText())
        .isEqualTo("operator");
    assertThat(
            policy
                .at("/spec/ingress/0/from/1/podSelector/matchLabels/app.kubernetes.io~1name")
                .asText())
        .isEqualTo("tenant-app");
  }

  @Test
  void platformNamespaceDeniesAllEgressByDefault() {
    JsonNode deny =
        TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-default-deny-egress");

    assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
    assertThat(deny.at("/spec/policyTypes").toString()).isEqualTo("[\"Egress\"]");
    assertThat(deny.at("/spec/egress").isMissingNode()).isTrue();
  }

  @Test
  void operatorReachesDnsPodsTheApiTheTenantDatabaseServerAndTenantAppsOnly() {
    JsonNode policy = TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-operator");

    assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText())
        .isEqualTo("operator");
    assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Egress\"]");
    assertThat(policy.at("/spec/egress")).hasSize(4);
    assertThat(policy.at("/spec/egress/0/to/0").toString())
        .isEqualTo(
            "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"kube-system\"}},"
                + "\"podSelector\":{\"matchLabels\":{\"k8s-app\":\"kube-dns\"}}}");
    assertThat(policy.at("/spec/egress/1/ports").toString())
        .isEqualTo("[{\"port\":443,\"protocol\":\"TCP\"},{\"port\":6443,\"protocol\":\"TCP\"}]");
    assertThat(policy.at("/spec/egress/2/to/0").toString())
        .isEqualTo(
            "{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"tenant-db\"}}}");
    assertThat(policy.at("/spec/egress/2/ports/0/port").asInt()).isEqualTo(5432);
    assertThat(policy.at("/spec/egress/3").toString()).isEqualTo(TO_TENANT_APPS);
  }

  @Test
  void operatorReachesTenantAppsHttpPortInTenantNamespacesForRolloutSoakMetrics() {
    for (String mode : new String[] {"shared-server", "cloudnative-pg"}) {
      JsonNode egress =
          TenantryChart.render(Map.of("operator.database.mode", mode))
              .get("NetworkPolicy", "tenantry-operator")
              .at("/spec/egress");

      JsonNode toTenants = null;
      for (JsonNode rule : egress) {
        if (rule.toString().contains("tenant-app")) {
          toTenants = rule;
        }
      }
      assertThat(toTenants).as(mode).isNotNull();
      assertThat(toTenants.toString()).as(mode).isEqualTo(TO_TENANT_APPS);
    }
  }

  @Test
  void operatorReachesVaultOnlyWhenItReadsTheAdminPasswordThere() {
    JsonNode policy =
        TenantryChart.render(
                Map.of(
                    "vault.address", "https://vault:8200",
                    "operator.database.sharedServer.adminPasswordVault.enabled", true,
                    "operator.database.sharedServer.adminPasswordVault.tokenSecret.name", "vt"))
            .get("NetworkPolicy", "tenantry-operator");

    assertThat(policy.at("/spec/egress/1/ports").toString()).contains("8200");
    assertThat(
            TenantryChart.render(Map.of())
                .get("NetworkPolicy", "tenantry-operator")
                .at("/spec/egress")
                .toString())
        .doesNotContain("8200");
  }

  @Test
  void operatorReachesASharedServerInAnotherNamespaceByNamespace() {
    Rendered rendered =
        TenantryChart.render(Map.of("operator.database.sharedServer.namespace", "tenantry-data"));

    assertThat(rendered.has("NetworkPolicy", "tenantry-tenant-database")).isFalse();
    assertThat(
            rendered.get("NetworkPolicy", "tenantry-operator").at("/spec/egress/2/to/0").toString())
        .isEqualTo(
            "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"tenantry-data\"}}}");
  }

  @Test
  void defaultValuesLetTenantsAndTheOperatorReachTheTenantDatabaseServer() {
    JsonNode policy =
        TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-tenant-database");

    assertThat(policy.at("/spec/podSelector/matchLabels").toString())
        .isEqualTo("{\"app.kubernetes.io/name\":\"tenant-db\"}");
    assertThat(policy.at("/spec/ingress/0/from")).hasSize(2);
    assertThat(policy.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(5432);
  }

  @Test
  void controlPlaneAdmitsTheIngressControllersPodsNotItsWholeNamespace() {
    JsonNode policy = TenantryChart.render(Map.of()).get("NetworkPolicy", "tenantry-control-plane");

    assertThat(policy.at("/spec/ingress/0/from/0/podSelector/matchLabels").toString())
        .isEqualTo(
            "{\"app.kubernetes.io/component\":\"controller\",\"app.kubernetes.io/name\":\"ingress-nginx\"}");
  }

  @Test
  void controlPlaneResolvesNamesThroughTheClusterDnsPodsOnly() {
    JsonNode policy =
        TenantryChart.render(Map.of("operator.network.dnsPodSelector.k8s-app", "coredns"))
            .get("NetworkPolicy", "tenantry-control-plane");

    assertThat(policy.at("/spec/egress/0/to/0/podSelector/matchLabels").toString())
        .isEqualTo("{\"k8s-app\":\"coredns\"}");
    assertThat(policy.at("/spec/egress/0/ports/0/port").asInt()).isEqualTo(53);
  }

  @Test
  void policiesCanBeLeftToTheCluster() {
    assertThat(
            TenantryChart.render(Map.of("networkPolicies.enabled", false)).ofKind("NetworkPolicy"))
        .isEmpty();
  }
}
