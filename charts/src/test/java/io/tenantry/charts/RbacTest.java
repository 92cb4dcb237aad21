package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.charts.TenantryChart.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RbacTest {

  private static final List<String> CRUD =
      List.of("create", "get", "list", "watch", "patch", "update", "delete");

  private static Rendered render(String databaseMode) {
    return TenantryChart.render(Map.of("operator.database.mode", databaseMode));
  }

  /** "group/resource" → verbs, one entry per group and resource a role names. */
  private static Map<String, Set<String>> grants(JsonNode role) {
    Map<String, Set<String>> grants = new java.util.TreeMap<>();
    for (JsonNode rule : role.path("rules")) {
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          Set<String> verbs =
              grants.computeIfAbsent(
                  group.asText() + "/" + resource.asText(), k -> new TreeSet<>());
          rule.path("verbs").forEach(v -> verbs.add(v.asText()));
        }
      }
    }
    return grants;
  }

  private static List<JsonNode> roles(Rendered rendered) {
    List<JsonNode> roles = new ArrayList<>(rendered.ofKind("ClusterRole"));
    roles.addAll(rendered.ofKind("Role"));
    return roles;
  }

  @ParameterizedTest
  @ValueSource(strings = {"shared-server", "cloudnative-pg"})
  void noRoleCanEscalate(String databaseMode) {
    List<JsonNode> roles = roles(render(databaseMode));

    assertThat(roles).hasSize("shared-server".equals(databaseMode) ? 7 : 6);
    for (JsonNode role : roles) {
      for (JsonNode rule : role.path("rules")) {
        assertThat(rule.path("apiGroups").toString()).doesNotContain("*");
        assertThat(rule.path("resources").toString()).doesNotContain("*");
        assertThat(rule.path("verbs").toString()).doesNotContain("*", "escalate", "impersonate");
        assertThat(rule.has("nonResourceURLs")).isFalse();
      }
    }
  }

  @Test
  void onlyTheOperatorTouchesRbacAndItMayBindOnlyTheTenantStackRole() {
    Rendered rendered = render("shared-server");
    List<JsonNode> rbacRules = new ArrayList<>();
    for (JsonNode role : roles(rendered)) {
      for (JsonNode rule : role.path("rules")) {
        if (rule.path("apiGroups").toString().contains("rbac.authorization.k8s.io")) {
          assertThat(role.at("/metadata/name").asText()).isEqualTo("tenantry-operator");
          rbacRules.add(rule);
        }
      }
    }

    assertThat(rbacRules.stream().map(JsonNode::toString))
        .containsExactlyInAnyOrder(
            "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"rolebindings\"],"
                + "\"verbs\":[\"create\"]}",
            "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"rolebindings\"],"
                + "\"resourceNames\":[\"tenantry-operator\"],\"verbs\":[\"get\"]}",
            "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"clusterroles\"],"
                + "\"resourceNames\":[\"tenantry-tenant-stack\"],\"verbs\":[\"bind\"]}");
    assertThat(
            rendered
                .env("tenantry-operator", "TENANTRY_OPERATOR_ACCESS_CLUSTER_ROLE")
                .path("value")
                .asText())
        .isEqualTo("tenantry-tenant-stack");
    assertThat(
            rendered.ofKind("ClusterRoleBinding").stream().map(b -> b.at("/roleRef/name").asText()))
        .as("the tenant stack role is bound only by the operator, in tenant namespaces")
        .doesNotContain("tenantry-tenant-stack");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shared-server", "cloudnative-pg"})
  void theOperatorMayNotReadSecretsOutsideTenantNamespacesButItsAdminPassword(String mode) {
    Rendered rendered = render(mode);

    assertThat(grants(rendered.get("ClusterRole", "tenantry-operator")))
        .doesNotContainKey("/secrets");
    if ("shared-server".equals(mode)) {
      JsonNode role = rendered.get("Role", "tenantry-operator-admin-password");
      assertThat(role.at("/metadata/namespace").asText()).isEqualTo(TenantryChart.NAMESPACE);
      assertThat(role.at("/rules/0/resourceNames").toString())
          .isEqualTo("[\"tenantry-operator-db-admin\"]");
      assertThat(role.at("/rules/0/verbs").toString()).isEqualTo("[\"get\"]");
    } else {
      assertThat(rendered.has("Role", "tenantry-operator-admin-password")).isFalse();
    }
  }

  @Test
  void withVaultTheOperatorReadsNoSecretOfTheReleaseNamespace() {
    Rendered rendered =
        TenantryChart.render(
            Map.of(
                "vault.enabled",
                true,
                "vault.address",
                "https://v:8200",
                "operator.database.sharedServer.adminPasswordVault.enabled",
                true,
                "operator.database.sharedServer.adminPasswordVault.tokenSecret.name",
                "vt"));

    assertThat(rendered.has("Role", "tenantry-operator-admin-password")).isFalse();
  }

  @Test
  void operatorMayManageCnpgClustersOnlyInCnpgMode() {
    String cnpg = "postgresql.cnpg.io/clusters";
    Rendered shared = render("shared-server");
    Rendered cnpgMode = render("cloudnative-pg");

    assertThat(grants(shared.get("ClusterRole", "tenantry-operator"))).doesNotContainKey(cnpg);
    assertThat(grants(shared.get("ClusterRole", "tenantry-tenant-stack"))).doesNotContainKey(cnpg);
    assertThat(grants(cnpgMode.get("ClusterRole", "tenantry-operator")))
        .containsEntry(cnpg, Set.of("list", "watch"));
    assertThat(grants(cnpgMode.get("ClusterRole", "tenantry-tenant-stack")))
        .containsEntry(cnpg, Set.of("create", "patch"));
  }

  @Test
  void operatorLeasesAreConfinedToItsOwnNamespace() {
    Rendered rendered = render("shared-server");
    JsonNode role = rendered.get("Role", "tenantry-operator-leader-election");
    JsonNode binding = rendered.get("RoleBinding", "tenantry-operator-leader-election");

    assertThat(role.at("/metadata/namespace").asText()).isEqualTo(TenantryChart.NAMESPACE);
    assertThat(grants(role))
        .containsOnlyKeys("coordination.k8s.io/leases")
        .containsEntry("coordination.k8s.io/leases", Set.of("get", "create", "patch"));
    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("tenantry-operator");
    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
  }

  @Test
  void controlPlaneMayTouchOnlyThePlatformKeySecretInItsNamespace() {
    JsonNode role =
        TenantryChart.render(Map.of("signingKeys.secretName", "platform-key"))
            .get("Role", "tenantry-control-plane-secrets");

    assertThat(role.at("/metadata/namespace").asText()).isEqualTo(TenantryChart.NAMESPACE);
    assertThat(role.path("rules")).hasSize(2);
    assertThat(role.at("/rules/0/verbs").toString()).isEqualTo("[\"create\"]");
    assertThat(role.at("/rules/1/resourceNames").toString()).isEqualTo("[\"platform-key\"]");
    assertThat(role.at("/rules/1/verbs").toString()).isEqualTo("[\"get\",\"update\",\"patch\"]");
  }

  @Test
  void controlPlaneMayTouchOnlyThePublicKeyBundleConfigMapInItsNamespace() {
    JsonNode role =
        TenantryChart.render(Map.of()).get("Role", "tenantry-control-plane-public-keys");

    assertThat(role.at("/metadata/namespace").asText()).isEqualTo(TenantryChart.NAMESPACE);
    assertThat(role.path("rules")).hasSize(2);
    assertThat(role.at("/rules/0/resources").toString()).isEqualTo("[\"configmaps\"]");
    assertThat(role.at("/rules/0/verbs").toString()).isEqualTo("[\"create\"]");
    assertThat(role.at("/rules/1/resourceNames").toString())
        .isEqualTo("[\"tenantry-platform-public-keys\"]");
    assertThat(role.at("/rules/1/verbs").toString()).isEqualTo("[\"get\",\"update\",\"patch\"]");
  }

  @Test
  void withVaultTheControlPlaneHasNoSecretRights() {
    Rendered rendered =
        TenantryChart.render(Map.of("vault.enabled", true, "vault.address", "https://v:8200"));

    assertThat(rendered.has("Role", "tenantry-control-plane-secrets")).isFalse();
  }

  @Test
  void controlPlaneManagesTenantsAndSteersRolloutsOnly() {
    Rendered rendered = render("shared-server");

    assertThat(grants(rendered.get("ClusterRole", "tenantry-control-plane")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "tenantry.io/tenants", new TreeSet<>(CRUD),
                "tenantry.io/rollouts", Set.of("get", "list", "watch", "patch"),
                "tenantry.io/releases", Set.of("get", "list", "watch")));
    JsonNode subject =
        rendered.get("ClusterRoleBinding", "tenantry-control-plane").at("/subjects/0");
    assertThat(subject.path("name").asText()).isEqualTo("tenantry-control-plane");
    assertThat(subject.path("namespace").asText()).isEqualTo(TenantryChart.NAMESPACE);
  }
}
