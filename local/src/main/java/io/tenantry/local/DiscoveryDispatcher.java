package io.tenantry.local;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Fabric8 CRUD mock server stores objects but answers discovery requests as if they were lists,
 * which kubectl cannot use. This serves the discovery documents kubectl needs (version, API groups
 * and resources with their short names, e.g. {@code tnt}) for the built-in kinds a tenant stack
 * uses and for the installed CRDs, and leaves every other request to the CRUD store. OpenAPI is
 * answered 404, so kubectl skips client-side schema validation.
 */
final class DiscoveryDispatcher extends KubernetesCrudDispatcher {

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** group/version → resources, for the kinds the operator and kubectl users touch. */
  private final Map<String, List<APIResource>> resources = new LinkedHashMap<>();

  /** collection path (e.g. /apis/tenantry.io/v1alpha1/tenants) → the CRD's printer columns. */
  private final Map<String, PrinterColumns> printers = new LinkedHashMap<>();

  /** group/version → the CRD versions served there, for their OpenAPI documents. */
  private final Map<String, List<OpenApiDocuments.CrdVersion>> crdVersions = new LinkedHashMap<>();

  DiscoveryDispatcher(List<CustomResourceDefinition> crds) {
    add("v1", resource("namespaces", "Namespace", false, "ns"));
    add("v1", resource("secrets", "Secret", true));
    add("v1", resource("configmaps", "ConfigMap", true, "cm"));
    add("v1", resource("services", "Service", true, "svc"));
    add("v1", resource("serviceaccounts", "ServiceAccount", true, "sa"));
    add("v1", resource("resourcequotas", "ResourceQuota", true, "quota"));
    add("v1", resource("limitranges", "LimitRange", true, "limits"));
    add("v1", resource("pods", "Pod", true, "po"));
    add("v1", resource("events", "Event", true, "ev"));
    add("apps/v1", resource("deployments", "Deployment", true, "deploy"));
    add("networking.k8s.io/v1", resource("networkpolicies", "NetworkPolicy", true, "netpol"));
    add("networking.k8s.io/v1", resource("ingresses", "Ingress", true, "ing"));
    add("coordination.k8s.io/v1", resource("leases", "Lease", true));
    // the operator binds itself in each tenant namespace
    add("rbac.authorization.k8s.io/v1", resource("rolebindings", "RoleBinding", true));
    add(
        "apiextensions.k8s.io/v1",
        resource("customresourcedefinitions", "CustomResourceDefinition", false, "crd", "crds"));
    crds.forEach(this::addCrd);
  }

  private void addCrd(CustomResourceDefinition crd) {
    var spec = crd.getSpec();
    boolean namespaced = "Namespaced".equals(spec.getScope());
    String[] shortNames =
        spec.getNames().getShortNames() == null
            ? new String[0]
            : spec.getNames().getShortNames().toArray(String[]::new);
    for (CustomResourceDefinitionVersion version : spec.getVersions()) {
      APIResource main =
          new APIResourceBuilder(
                  resource(
                      spec.getNames().getPlural(),
                      spec.getNames().getKind(),
                      namespaced,
                      shortNames))
              .withSingularName(spec.getNames().getSingular())
              .build();
      add(spec.getGroup() + "/" + version.getName(), main);
      crdVersions
          .computeIfAbsent(spec.getGroup() + "/" + version.getName(), gv -> new ArrayList<>())
          .add(new OpenApiDocuments.CrdVersion(crd, version));
      printers.put(
          new OpenApiDocuments.CrdVersion(crd, version).collectionPath(),
          new PrinterColumns(version.getAdditionalPrinterColumns()));
      if (version.getSubresources() != null && version.getSubresources().getStatus() != null) {
        add(
            spec.getGroup() + "/" + version.getName(),
            new APIResourceBuilder(main)
                .withName(main.getName() + "/status")
                .withShortNames()
                .withVerbs("get", "patch", "update")
                .build());
      }
    }
  }

  /** The stored object at {@code path} as JSON, or null. */
  private String stored(String path) {
    RecordedRequest get =
        new RecordedRequest(
            "HTTP/1.1",
            io.fabric8.mockwebserver.dsl.HttpMethod.GET,
            path,
            io.fabric8.mockwebserver.http.Headers.builder().build(),
            new io.fabric8.mockwebserver.http.Buffer());
    MockResponse response = super.dispatch(get);
    return response.code() == 200 ? response.getBody().readUtf8() : null;
  }

  private void add(String groupVersion, APIResource resource) {
    resources.computeIfAbsent(groupVersion, gv -> new ArrayList<>()).add(resource);
  }

  private static APIResource resource(
      String plural, String kind, boolean namespaced, String... shortNames) {
    return new APIResourceBuilder()
        .withName(plural)
        .withSingularName(kind.toLowerCase(java.util.Locale.ROOT))
        .withKind(kind)
        .withNamespaced(namespaced)
        .withVerbs(VERBS)
        .withShortNames(shortNames)
        .build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (ServerSideApply.isApply(request)) {
      // Translated into a plain create or merge patch, which admission then checks as any other.
      return dispatch(ServerSideApply.translate(request, this::stored));
    }
    String path = request.getPath().replaceAll("\\?.*$", "");
    MockResponse refused = TenantAdmission.refusal(request, path, this::stored);
    if (refused != null) {
      return refused;
    }
    if ("GET".equals(request.getMethod())) {
      Object document = discovery(path);
      if (document != null) {
        return json(200, document);
      }
      if (path.equals("/openapi/v3")) {
        return json(200, OpenApiDocuments.index(resources.keySet()));
      }
      if (path.startsWith("/openapi/v3/")) {
        String groupVersion = path.substring("/openapi/v3/".length()).replaceFirst("^apis?/", "");
        return json(
            200, OpenApiDocuments.document(crdVersions.getOrDefault(groupVersion, List.of())));
      }
      if (path.startsWith("/openapi/")) {
        // Only v3 is served; a 404 on v2 tells kubectl not to expect it.
        return new MockResponse().setResponseCode(404);
      }
      PrinterColumns printer = printerFor(path);
      String accept = request.getHeader("Accept");
      if (printer != null && accept != null && accept.contains("as=Table")) {
        MockResponse stored = super.dispatch(request);
        if (stored.code() == 200) {
          return new MockResponse()
              .setResponseCode(200)
              .addHeader("Content-Type", "application/json")
              .setBody(printer.table(stored.getBody().readUtf8(), Instant.now()));
        }
        return stored;
      }
    }
    return super.dispatch(request);
  }

  /** The printer of the CRD whose collection or item {@code path} names, or null. */
  private PrinterColumns printerFor(String path) {
    PrinterColumns collection = printers.get(path);
    return collection != null ? collection : printers.get(path.replaceFirst("/[^/]+$", ""));
  }

  /** The discovery document at {@code path}, or null when the path is not a discovery path. */
  private Object discovery(String path) {
    if (path.equals("/version")) {
      return Map.of("major", "1", "minor", "33", "gitVersion", "v1.33.0-tenantry-local");
    }
    if (path.equals("/api")) {
      return new APIVersionsBuilder().withVersions("v1").build();
    }
    if (path.equals("/apis")) {
      return new APIGroupListBuilder().withGroups(groups().toList()).build();
    }
    String groupVersion =
        path.startsWith("/api/")
            ? path.substring(5)
            : path.startsWith("/apis/") ? path.substring(6) : null;
    if (groupVersion == null) {
      return null;
    }
    if (resources.containsKey(groupVersion)) {
      return new APIResourceListBuilder()
          .withGroupVersion(groupVersion)
          .withResources(resources.get(groupVersion))
          .build();
    }
    return groups().filter(g -> g.getName().equals(groupVersion)).findFirst().orElse(null);
  }

  private Stream<APIGroup> groups() {
    Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
    resources.keySet().stream()
        .filter(gv -> gv.contains("/"))
        .forEach(
            gv ->
                versionsByGroup
                    .computeIfAbsent(gv.substring(0, gv.indexOf('/')), g -> new ArrayList<>())
                    .add(gv));
    return versionsByGroup.entrySet().stream()
        .map(
            e -> {
              List<GroupVersionForDiscovery> versions =
                  e.getValue().stream()
                      .map(
                          gv -> new GroupVersionForDiscovery(gv, gv.substring(gv.indexOf('/') + 1)))
                      .toList();
              return new APIGroupBuilder()
                  .withName(e.getKey())
                  .withVersions(versions)
                  .withPreferredVersion(versions.get(0))
                  .build();
            });
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse()
        .setResponseCode(code)
        .addHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(body));
  }
}
