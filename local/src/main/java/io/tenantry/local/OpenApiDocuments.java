package io.tenantry.local;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI v3 documents kubectl reads, shaped as a real API server publishes them: the CRD's
 * schema under components, and collection and item paths whose operations name the kind and accept
 * {@code fieldValidation} (so kubectl leaves field validation to the server, as it does on a real
 * cluster).
 */
final class OpenApiDocuments {

  private OpenApiDocuments() {}

  /** {@code GET /openapi/v3}: where each group version's document is. */
  static Map<String, Object> index(Collection<String> groupVersions) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (String gv : groupVersions) {
      String path = gv.contains("/") ? "apis/" + gv : "api/" + gv;
      // The hash only keys kubectl's cache; the documents never change while the server runs.
      paths.put(path, Map.of("serverRelativeURL", "/openapi/v3/" + path + "?hash=tenantry-local"));
    }
    return Map.of("paths", paths);
  }

  /** The document of one group version, from the CRD versions served in it. */
  static Map<String, Object> document(List<CrdVersion> versions) {
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Object> schemas = new LinkedHashMap<>();
    for (CrdVersion version : versions) {
      schemas.put(version.schemaName(), version.schema());
      paths.put(version.collectionPath(), Map.of("post", version.operation()));
      paths.put(
          version.itemPath(),
          Map.of(
              "get",
              version.operation(),
              "patch",
              version.operation(),
              "put",
              version.operation()));
    }
    return Map.of(
        "openapi",
        "3.0.0",
        "info",
        Map.of("title", "Kubernetes", "version", "v1.33.0-tenantry-local"),
        "paths",
        paths,
        "components",
        Map.of("schemas", schemas));
  }

  /** One served version of a CRD. */
  record CrdVersion(CustomResourceDefinition crd, CustomResourceDefinitionVersion version) {

    String groupVersion() {
      return crd.getSpec().getGroup() + "/" + version.getName();
    }

    private Map<String, String> gvk() {
      return Map.of(
          "group", crd.getSpec().getGroup(),
          "version", version.getName(),
          "kind", crd.getSpec().getNames().getKind());
    }

    String schemaName() {
      String reversedGroup =
          String.join(".", List.of(crd.getSpec().getGroup().split("\\.")).reversed());
      return reversedGroup + "." + version.getName() + "." + crd.getSpec().getNames().getKind();
    }

    String collectionPath() {
      boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
      return "/apis/%s/%s/%s"
          .formatted(
              groupVersion(),
              namespaced ? "namespaces/{namespace}/" : "",
              crd.getSpec().getNames().getPlural())
          .replace("//", "/");
    }

    String itemPath() {
      return collectionPath() + "/{name}";
    }

    Map<String, Object> operation() {
      Map<String, Object> ref = Map.of("$ref", "#/components/schemas/" + schemaName());
      return Map.of(
          "x-kubernetes-group-version-kind",
          gvk(),
          "parameters",
          List.of(
              Map.of("name", "fieldValidation", "in", "query", "schema", Map.of("type", "string"))),
          "responses",
          Map.of("200", Map.of("content", Map.of("application/json", Map.of("schema", ref)))));
    }

    /** The CRD's schema plus the fields every object has, tagged with its kind. */
    @SuppressWarnings("unchecked")
    Map<String, Object> schema() {
      Map<String, Object> schema =
          Serialization.jsonMapper()
              .convertValue(version.getSchema().getOpenAPIV3Schema(), LinkedHashMap.class);
      Map<String, Object> properties =
          new LinkedHashMap<>((Map<String, Object>) schema.getOrDefault("properties", Map.of()));
      properties.put("apiVersion", Map.of("type", "string"));
      properties.put("kind", Map.of("type", "string"));
      properties.put("metadata", Map.of("type", "object"));
      schema.put("properties", properties);
      schema.put("x-kubernetes-group-version-kind", List.of(gvk()));
      return schema;
    }
  }
}
