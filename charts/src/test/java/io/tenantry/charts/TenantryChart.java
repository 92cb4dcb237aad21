package io.tenantry.charts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The committed chart, rendered by a real Helm engine the way {@code helm template} would. */
final class TenantryChart {

  // Duplicate keys are an error: the API server's strict decoding refuses them too.
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  static final String NAMESPACE = "tenantry-system";
  static final String RELEASE = "tenantry";
  static final String KUBE_VERSION = "1.31.0";

  private TenantryChart() {}

  static Path root() {
    return Path.of(System.getProperty("tenantry.root.dir", "..")).toAbsolutePath().normalize();
  }

  static Path chartDir() {
    return root().resolve("charts/tenantry");
  }

  static Helm helm() {
    return new Helm(chartDir());
  }

  /**
   * The one value an install must add to the chart's defaults (an admin password for the shared
   * tenant database server, which the chart refuses to leave empty).
   */
  static final Map<String, Object> INSTALL_MINIMUM =
      Map.of("operator.database.sharedServer.adminPassword", "chart-test-admin-password");

  /**
   * Renders with {@code --set key=value} for each entry on top of the chart's defaults plus {@link
   * #INSTALL_MINIMUM} (none: the smallest install that renders).
   */
  static Rendered render(Map<String, Object> values) {
    return render(values, List.of());
  }

  /**
   * Renders {@code valuesFiles} and {@code values}; without files, adds {@link #INSTALL_MINIMUM}.
   */
  static Rendered render(Map<String, Object> values, List<Path> valuesFiles) {
    Map<String, Object> all = new java.util.LinkedHashMap<>();
    if (valuesFiles.isEmpty()) {
      all.putAll(INSTALL_MINIMUM);
    }
    all.putAll(values);
    return renderExactly(all, valuesFiles);
  }

  /** Renders exactly the chart's defaults, {@code valuesFiles} and {@code values}. */
  static Rendered renderExactly(Map<String, Object> values, List<Path> valuesFiles) {
    TemplateCommand template =
        helm().template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    values.forEach(template::set);
    valuesFiles.forEach(template::withValuesFile);
    return new Rendered(parse(template.call()));
  }

  static List<JsonNode> parse(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && document.isObject() && !document.isEmpty()) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Helm rendered invalid YAML", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects one rendering produced. */
  record Rendered(List<JsonNode> objects) {

    List<JsonNode> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode get(String kind, String name) {
      return ofKind(kind).stream()
          .filter(o -> name.equals(o.at("/metadata/name").asText()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " rendered"));
    }

    boolean has(String kind, String name) {
      return ofKind(kind).stream().anyMatch(o -> name.equals(o.at("/metadata/name").asText()));
    }

    /** Pod specs of every workload (Deployments, StatefulSets, DaemonSets, Jobs). */
    List<JsonNode> podSpecs() {
      return objects.stream()
          .filter(o -> o.at("/spec/template/spec").isObject())
          .map(o -> o.at("/spec/template/spec"))
          .toList();
    }

    /** The env var {@code name} of the first container of Deployment {@code deployment}. */
    JsonNode env(String deployment, String name) {
      for (JsonNode env :
          get("Deployment", deployment).at("/spec/template/spec/containers/0/env")) {
        if (name.equals(env.path("name").asText())) {
          return env;
        }
      }
      throw new AssertionError("no env " + name + " on " + deployment);
    }
  }
}
