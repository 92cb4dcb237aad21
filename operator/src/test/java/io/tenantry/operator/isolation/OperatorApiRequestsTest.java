package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.operator.support.ApiRequests;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reviewed list of the operator's API requests (src/main/kubernetes/operator-api-requests.txt;
 * the operator's tests hold it to what the operator does, charts/ RbacTest holds the chart's RBAC
 * to it) keeps the operator's rights in the shape issue 15 asks for.
 */
class OperatorApiRequestsTest {

  private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete");

  private final Set<String> reviewed = ApiRequests.reviewed();

  @Test
  void everyKubernetesDependentIsWatchedClusterWideButWrittenOnlyInTenantNamespaces() {
    for (String kind : ApiRequests.appliedKinds()) {
      assertThat(reviewed).contains("list " + kind + " cluster", "watch " + kind + " cluster");
      if (kind.equals("/namespaces")) {
        assertThat(reviewed).contains("create /namespaces cluster");
      } else {
        assertThat(reviewed).contains("create " + kind + " tenant");
        for (String write : WRITES) {
          assertThat(reviewed).doesNotContain(write + " " + kind + " cluster");
        }
      }
    }
  }

  @Test
  void secretsAreReadOnlyInTenantNamespacesAndTheAdminPasswordByName() {
    List<String> secrets = reviewed.stream().filter(line -> line.contains(" /secrets ")).toList();

    assertThat(secrets)
        .containsExactlyInAnyOrder(
            "get /secrets release",
            "get /secrets tenant",
            "create /secrets tenant",
            "update /secrets tenant");
  }

  @Test
  void theOperatorsRoleBindingIsReadByNameAndItMayBindOnlyByName() {
    List<String> rbac = reviewed.stream().filter(line -> line.contains("rbac.")).toList();

    assertThat(rbac)
        .containsExactlyInAnyOrder(
            "get rbac.authorization.k8s.io/rolebindings tenant",
            "create rbac.authorization.k8s.io/rolebindings tenant",
            "bind rbac.authorization.k8s.io/clusterroles cluster");
  }

  @Test
  void theOperatorNeverCreatesOrDeletesTenants() {
    assertThat(reviewed)
        .doesNotContain("create tenantry.io/tenants cluster", "delete tenantry.io/tenants cluster");
  }

  @Test
  void requestsAreSortedByVerbKindAndScopeAsRbacSeesThem() {
    assertThat(ApiRequests.kinds("GET", "/api/v1/namespaces/tenant-acme/secrets/tenant-db"))
        .containsExactly("get /secrets tenant");
    assertThat(ApiRequests.kinds("GET", "/apis/apps/v1/deployments?labelSelector=a%3Db"))
        .containsExactly("list apps/deployments cluster");
    assertThat(ApiRequests.kinds("GET", "/apis/apps/v1/deployments?watch=true"))
        .containsExactly("watch apps/deployments cluster");
    assertThat(ApiRequests.kinds("PATCH", "/apis/tenantry.io/v1alpha1/tenants/acme/status"))
        .containsExactly("patch tenantry.io/tenants/status cluster");
    assertThat(ApiRequests.kinds("GET", "/api/v1/namespaces/tenant-acme"))
        .containsExactly("get /namespaces cluster");
    assertThat(ApiRequests.kinds("GET", "/api/v1/namespaces/tenantry-system/secrets/db-admin"))
        .containsExactly("get /secrets release");
    assertThat(ApiRequests.kinds("DELETE", "/api/v1/namespaces/kube-system/configmaps/x"))
        .containsExactly("delete /configmaps namespace:kube-system");
    assertThat(ApiRequests.kinds("GET", "/apis/postgresql.cnpg.io/v1")).isEmpty();
  }

  @Test
  void aWrittenDependentAlsoNeedsThePatchOfServerSideApply() {
    assertThat(ApiRequests.kinds("PUT", "/apis/apps/v1/namespaces/tenant-a/deployments/tenant-app"))
        .containsExactly("patch apps/deployments tenant", "update apps/deployments tenant");
    assertThat(ApiRequests.kinds("POST", "/api/v1/namespaces/tenant-a/secrets"))
        .as("Secrets are written by plain create and update, never applied")
        .containsExactly("create /secrets tenant");
  }
}
