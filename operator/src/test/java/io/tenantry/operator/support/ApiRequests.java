package io.tenantry.operator.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.tenantry.operator.TenantReconciler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The API requests the operator makes in its tests, as RBAC sees them: one line {@code verb
 * group/resource scope}, scope being {@code cluster} (a cluster-scoped object, or a kind across all
 * namespaces), {@code tenant} (inside a tenant namespace) or {@code release} (the operator's own
 * namespace). Every request the operator makes against the mock API server must be among the
 * reviewed ones in {@link #REVIEWED}, which the chart's RBAC test checks against the rendered roles
 * (each request allowed, each rule used): an operator that starts a new kind of request fails its
 * tests until that list, and with it the chart, says so.
 *
 * <p>The tests act as an SRE or a kubelet through a client of their own ({@link #tester}), whose
 * User-Agent keeps its requests out of the operator's.
 */
public final class ApiRequests {

  public static final Path REVIEWED = Path.of("src/main/kubernetes/operator-api-requests.txt");

  /** What the operator made in this build's tests (all runs appended; for a reviewer). */
  static final Path SEEN = Path.of("target/operator-api-requests-seen.txt");

  static final String TESTER_AGENT = "tenantry-operator-tests";

  private static final String TENANT_NAMESPACE_PREFIX = "tenant-";
  private static final String RELEASE_NAMESPACE = "tenantry-system";

  private ApiRequests() {}

  /** A client on the same server as {@code operator}, whose requests are not the operator's. */
  public static KubernetesClient tester(KubernetesClient operator) {
    // From an empty Config: copying the operator's would configure itself again from system
    // properties and files, which earlier test classes' mock servers have set.
    Config config = operator.getConfiguration();
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.empty())
                .withMasterUrl(config.getMasterUrl())
                .withTrustCerts(true)
                .withNamespace(config.getNamespace())
                .withHttp2Disable(true)
                .withUserAgent(TESTER_AGENT)
                .build())
        .withKubernetesSerialization(operator.getKubernetesSerialization())
        .build();
  }

  /** Whether the test's own client ({@link #tester}) made {@code request}. */
  public static boolean isTester(RecordedRequest request) {
    return TESTER_AGENT.equals(request.getHeader("User-Agent"));
  }

  /** Fails when the operator made a kind of request the reviewed list does not hold. */
  public static void check(List<RecordedRequest> requests) {
    Set<String> made = new TreeSet<>();
    for (RecordedRequest request : requests) {
      if (!isTester(request)) {
        made.addAll(kinds(request.getMethod(), request.getPath()));
      }
    }
    if (made.isEmpty()) {
      return;
    }
    keep(made);
    Set<String> unreviewed = new TreeSet<>(made);
    unreviewed.removeAll(reviewed());
    assertThat(unreviewed)
        .as(
            "API requests the operator made that "
                + REVIEWED
                + " does not list; add them there and grant them in the chart's RBAC")
        .isEmpty();
  }

  /**
   * The lines a request stands for: none for discovery (every authenticated user may read it); for
   * a create or update of a Kubernetes dependent's kind also a patch, because in production JOSDK
   * writes dependents with server-side apply (a PATCH, which the API server authorizes as patch,
   * and as create too when it creates), which the mock API server cannot serve.
   */
  public static Set<String> kinds(String method, String pathAndQuery) {
    String path = pathAndQuery.split("\\?", 2)[0];
    boolean watch = pathAndQuery.contains("watch=true");
    String[] parts = path.replaceFirst("^/", "").split("/");
    int start;
    String group;
    if (parts.length >= 3 && parts[0].equals("api")) {
      group = "";
      start = 2;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      start = 3;
    } else {
      return Set.of();
    }
    List<String> rest = List.of(parts).subList(start, parts.length);
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0) + (rest.size() >= 3 ? "/" + rest.get(2) : "");
    boolean named = rest.size() >= 2;
    String verb =
        switch (method) {
          case "GET" -> named ? "get" : watch ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method.toLowerCase();
        };
    String scope =
        namespace == null
            ? "cluster"
            : namespace.startsWith(TENANT_NAMESPACE_PREFIX)
                ? "tenant"
                : namespace.equals(RELEASE_NAMESPACE) ? "release" : "namespace:" + namespace;
    String kind = group + "/" + resource;
    Set<String> lines = new TreeSet<>();
    lines.add(verb + " " + kind + " " + scope);
    if ((verb.equals("create") || verb.equals("update")) && appliedKinds().contains(kind)) {
      lines.add("patch " + kind + " " + scope);
    }
    return lines;
  }

  /** group/plural of every Kubernetes dependent of the tenant workflow. */
  public static Set<String> appliedKinds() {
    Set<String> kinds = new TreeSet<>();
    for (Dependent dependent : TenantReconciler.class.getAnnotation(Workflow.class).dependents()) {
      if (KubernetesDependentResource.class.isAssignableFrom(dependent.type())) {
        try {
          Class<? extends HasMetadata> type =
              ((KubernetesDependentResource<?, ?>)
                      dependent.type().getDeclaredConstructor().newInstance())
                  .resourceType();
          kinds.add(HasMetadata.getGroup(type) + "/" + HasMetadata.getPlural(type));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return kinds;
  }

  /** The reviewed lines (comments and blank lines left out). */
  public static Set<String> reviewed() {
    try {
      return Files.readAllLines(REVIEWED).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void keep(Set<String> made) {
    try {
      Files.createDirectories(SEEN.getParent());
      Files.write(SEEN, made, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
