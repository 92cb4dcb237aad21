package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.charts.TenantryChart.Rendered;
import java.io.IOException;
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

    assertThat(roles).hasSize(5);
    for (JsonNode role : roles) {
      for (JsonNode rule : role.path("rules")) {
        assertThat(rule.path("apiGroups").toString())
            .doesNotContain("*", "rbac.authorization.k8s.io");
        assertThat(rule.path("resources").toString()).doesNotContain("*");
        assertThat(rule.path("verbs").toString())
            .doesNotContain("*", "escalate", "bind", "impersonate");
        assertThat(rule.has("nonResourceURLs")).isFalse();
      }
    }
  }

  @Test
  void operatorClusterRoleCoversExactlyWhatItTouches() {
    Map<String, Set<String>> grants =
        grants(render("shared-server").get("ClusterRole", "tenantry-operator"));

    Set<String> crud = new TreeSet<>(CRUD);
    assertThat(grants)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("tenantry.io/tenants", Set.of("get", "list", "watch", "patch", "update")),
                Map.entry("tenantry.io/tenants/status", Set.of("get", "patch", "update")),
                Map.entry("tenantry.io/tenants/finalizers", Set.of("update")),
                // Fleet rollouts: read rollouts and releases, write rollout status only.
                Map.entry("tenantry.io/rollouts", Set.of("get", "list", "watch")),
                Map.entry("tenantry.io/releases", Set.of("get", "list", "watch")),
                Map.entry("tenantry.io/rollouts/status", Set.of("get", "patch", "update")),
                Map.entry("/namespaces", crud),
                Map.entry("/resourcequotas", crud),
                Map.entry("/limitranges", crud),
                Map.entry("/serviceaccounts", crud),
                Map.entry("/secrets", crud),
                Map.entry("/configmaps", crud),
                Map.entry("/services", crud),
                Map.entry("apps/deployments", crud),
                Map.entry("networking.k8s.io/networkpolicies", crud),
                Map.entry("networking.k8s.io/ingresses", crud),
                Map.entry("/events", Set.of("create", "patch")),
                Map.entry("events.k8s.io/events", Set.of("create", "patch"))));
  }

  @Test
  void operatorClusterRoleMirrorsTheOperatorsReviewedRole() throws IOException {
    // operator/ keeps the reviewed role in step with its workflow (ClusterRoleRulesTest); this
    // keeps the chart in step with that file. Events are the chart's addition, for recording (the
    // operator records a re-attached retained database as an Event).
    JsonNode reviewed =
        TenantryChart.YAML.readTree(
            TenantryChart.root()
                .resolve("operator/src/main/kubernetes/tenantry-operator-clusterrole.yml")
                .toFile());
    Map<String, Set<String>> chart =
        grants(render("cloudnative-pg").get("ClusterRole", "tenantry-operator"));
    chart.remove("/events");
    chart.remove("events.k8s.io/events");

    assertThat(chart).isEqualTo(grants(reviewed));
  }

  @Test
  void operatorMayManageCnpgClustersOnlyInCnpgMode() {
    String cnpg = "postgresql.cnpg.io/clusters";

    assertThat(grants(render("shared-server").get("ClusterRole", "tenantry-operator")))
        .doesNotContainKey(cnpg);
    assertThat(grants(render("cloudnative-pg").get("ClusterRole", "tenantry-operator")))
        .containsEntry(cnpg, new TreeSet<>(CRUD));
  }

  @Test
  void operatorLeasesAreConfinedToItsOwnNamespace() {
    Rendered rendered = render("shared-server");
    JsonNode role = rendered.get("Role", "tenantry-operator-leader-election");
    JsonNode binding = rendered.get("RoleBinding", "tenantry-operator-leader-election");

    assertThat(role.at("/metadata/namespace").asText()).isEqualTo(TenantryChart.NAMESPACE);
    assertThat(grants(role))
        .containsOnlyKeys("coordination.k8s.io/leases")
        .containsEntry(
            "coordination.k8s.io/leases",
            Set.of("get", "list", "watch", "create", "update", "patch"));
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
