package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.tenantry.operator.TenantReconciler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed ClusterRole grants what the workflow needs and nothing more. */
class ClusterRoleRulesTest {

  private static final Set<String> MANAGE =
      Set.of("get", "list", "watch", "create", "update", "patch", "delete");

  @Test
  void everyKubernetesDependentCanBeManagedAndNothingElseIsGranted() throws Exception {
    Map<String, Set<String>> granted = grants(load());
    Map<String, Set<String>> needed = new HashMap<>();
    needed.put("tenantry.io/tenants", Set.of("get", "list", "watch", "patch", "update"));
    needed.put("tenantry.io/tenants/status", Set.of("get", "patch", "update"));
    needed.put("tenantry.io/tenants/finalizers", Set.of("update"));
    // The rollout controller: reads rollouts and releases, writes rollout status.
    needed.put("tenantry.io/rollouts", Set.of("get", "list", "watch"));
    needed.put("tenantry.io/releases", Set.of("get", "list", "watch"));
    needed.put("tenantry.io/rollouts/status", Set.of("get", "patch", "update"));
    // Retain in cloudnative-pg mode (CnpgVolumes): no dependent, a call of the operator's own.
    needed.put("/persistentvolumeclaims", Set.of("get", "list"));
    needed.put("/persistentvolumes", Set.of("get", "patch", "update"));
    for (Dependent dependent : TenantReconciler.class.getAnnotation(Workflow.class).dependents()) {
      Object instance = dependent.type().getDeclaredConstructor().newInstance();
      if (instance instanceof KubernetesDependentResource<?, ?> kubernetes) {
        Class<? extends HasMetadata> type = kubernetes.resourceType();
        needed.put(HasMetadata.getGroup(type) + "/" + HasMetadata.getPlural(type), MANAGE);
      }
    }

    assertThat(granted).isEqualTo(needed);
  }

  @Test
  void theOperatorNeverWritesARolloutSpecOrARelease() throws Exception {
    Map<String, Set<String>> granted = grants(load());
    assertThat(granted.get("tenantry.io/rollouts")).containsOnly("get", "list", "watch");
    assertThat(granted.get("tenantry.io/releases")).containsOnly("get", "list", "watch");
  }

  @Test
  void theOperatorNeverCreatesOrDeletesTenants() throws Exception {
    assertThat(grants(load()).get("tenantry.io/tenants")).doesNotContain("create", "delete");
  }

  private static ClusterRole load() throws Exception {
    try (InputStream yaml =
        Files.newInputStream(Path.of("src/main/kubernetes/tenantry-operator-clusterrole.yml"))) {
      return new KubernetesSerialization().unmarshal(yaml, ClusterRole.class);
    }
  }

  private static Map<String, Set<String>> grants(ClusterRole role) {
    Map<String, Set<String>> grants = new HashMap<>();
    for (PolicyRule rule : role.getRules()) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          grants
              .computeIfAbsent(group + "/" + resource, key -> new TreeSet<>())
              .addAll(List.copyOf(rule.getVerbs()));
        }
      }
    }
    return grants;
  }
}
