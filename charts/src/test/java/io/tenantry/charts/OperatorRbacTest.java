package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.charts.TenantryChart.Rendered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator's RBAC as the chart renders it, against the API requests the operator's tests
 * recorded ({@code operator/src/main/kubernetes/operator-api-requests.txt}, which those tests keep
 * complete): every request is allowed where the operator makes it, and every rule the chart grants
 * the operator is needed by one of them.
 */
class OperatorRbacTest {

  private static final String OPERATOR = "tenantry-operator";

  /** Granted to every authenticated user by Kubernetes' default roles (system:basic-user). */
  private static final Set<String> KUBERNETES_DEFAULTS =
      Set.of("create authorization.k8s.io/selfsubjectrulesreviews cluster");

  /**
   * Made in a tenant namespace before the operator's RoleBinding exists there: only a cluster-wide
   * grant can allow them.
   */
  private static final Set<String> BEFORE_THE_BINDING =
      Set.of(
          "get rbac.authorization.k8s.io/rolebindings tenant",
          "create rbac.authorization.k8s.io/rolebindings tenant");

  /** One rule's grant of one verb on one resource, in the role that holds it. */
  record Grant(String role, String group, String resource, String verb) {}

  @ParameterizedTest
  @ValueSource(strings = {"shared-server", "cloudnative-pg"})
  void everyRequestIsAllowedWhereItIsMadeAndEveryRuleIsNeededByOne(String mode) {
    Rendered rendered = TenantryChart.render(Map.of("operator.database.mode", mode));
    List<JsonNode> clusterWide = boundClusterWide(rendered);
    List<JsonNode> release = boundInReleaseNamespace(rendered);
    String tenantStackName =
        rendered.env(OPERATOR, "TENANTRY_OPERATOR_ACCESS_CLUSTER_ROLE").path("value").asText();
    List<JsonNode> tenantStack = List.of(rendered.get("ClusterRole", tenantStackName));

    Set<Grant> used = new LinkedHashSet<>();
    List<String> denied = new ArrayList<>();
    for (String request : requests(mode)) {
      String[] parts = request.split(" ");
      String verb = parts[0];
      String group = parts[1].substring(0, parts[1].indexOf('/'));
      String resource = parts[1].substring(parts[1].indexOf('/') + 1);
      // the narrowest grant first: a request a tenant namespace's role allows needs no more
      List<List<JsonNode>> where =
          switch (parts[2]) {
            case "cluster" -> List.of(clusterWide);
            case "release" -> List.of(release, clusterWide);
            case "tenant" ->
                BEFORE_THE_BINDING.contains(request)
                    ? List.of(clusterWide)
                    : List.of(tenantStack, clusterWide);
            default -> List.of();
          };
      where.stream()
          .map(roles -> find(roles, group, resource, verb))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresentOrElse(used::add, () -> denied.add(request));
    }
    Set<Grant> granted = new LinkedHashSet<>();
    for (List<JsonNode> roles : List.of(clusterWide, release, tenantStack)) {
      roles.forEach(role -> granted.addAll(grants(role)));
    }
    granted.removeAll(used);

    assertThat(denied).as("requests the operator makes that its RBAC does not allow").isEmpty();
    assertThat(granted).as("rules no request of the operator needs").isEmpty();
  }

  /**
   * The recorded requests of one database mode: the CNPG kinds only with CloudNativePG, the admin
   * password Secret only with a shared server.
   */
  private static Set<String> requests(String mode) {
    Set<String> requests = new TreeSet<>();
    try {
      for (String line :
          Files.readAllLines(
              TenantryChart.root()
                  .resolve("operator/src/main/kubernetes/operator-api-requests.txt"))) {
        String request = line.strip();
        if (request.isEmpty() || request.startsWith("#") || KUBERNETES_DEFAULTS.contains(request)) {
          continue;
        }
        boolean cnpgOnly =
            request.contains(" postgresql.cnpg.io/") || request.contains(" /persistentvolume");
        boolean sharedServerOnly = request.equals("get /secrets release");
        if ("cloudnative-pg".equals(mode) ? !sharedServerOnly : !cnpgOnly) {
          requests.add(request);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(requests).as("recorded requests").hasSizeGreaterThan(20);
    return requests;
  }

  private static Optional<Grant> find(
      List<JsonNode> roles, String group, String resource, String verb) {
    return roles.stream()
        .flatMap(role -> grants(role).stream())
        .filter(g -> g.group().equals(group) && g.resource().equals(resource))
        .filter(g -> g.verb().equals(verb))
        .findFirst();
  }

  private static List<Grant> grants(JsonNode role) {
    String name = role.path("kind").asText() + "/" + role.at("/metadata/name").asText();
    List<Grant> grants = new ArrayList<>();
    for (JsonNode rule : role.path("rules")) {
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          for (JsonNode verb : rule.path("verbs")) {
            grants.add(new Grant(name, group.asText(), resource.asText(), verb.asText()));
          }
        }
      }
    }
    return grants;
  }

  private static boolean bindsTheOperator(JsonNode binding) {
    for (JsonNode subject : binding.path("subjects")) {
      if ("ServiceAccount".equals(subject.path("kind").asText())
          && OPERATOR.equals(subject.path("name").asText())
          && TenantryChart.NAMESPACE.equals(subject.path("namespace").asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> boundClusterWide(Rendered rendered) {
    return rendered.ofKind("ClusterRoleBinding").stream()
        .filter(OperatorRbacTest::bindsTheOperator)
        .map(binding -> rendered.get("ClusterRole", binding.at("/roleRef/name").asText()))
        .toList();
  }

  private static List<JsonNode> boundInReleaseNamespace(Rendered rendered) {
    return rendered.ofKind("RoleBinding").stream()
        .filter(
            binding -> TenantryChart.NAMESPACE.equals(binding.at("/metadata/namespace").asText()))
        .filter(OperatorRbacTest::bindsTheOperator)
        .map(
            binding ->
                rendered.get(
                    binding.at("/roleRef/kind").asText(), binding.at("/roleRef/name").asText()))
        .toList();
  }
}
