package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side printing for a CRD, as {@code kubectl get} asks for it ({@code as=Table}): one row a
 * object, one cell a printer column, so {@code kubectl get tnt} shows Plan, Phase, URL and Age as
 * on a real cluster. Column paths are the simple dotted JSONPaths our CRDs use ({@code
 * .spec.plan}).
 */
final class PrinterColumns {

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private final List<CustomResourceColumnDefinition> columns;

  PrinterColumns(List<CustomResourceColumnDefinition> columns) {
    this.columns = columns == null ? List.of() : columns;
  }

  /** The Table for a list or a single object, given the JSON the CRUD store answered. */
  String table(String body, Instant now) {
    JsonNode answer = read(body);
    List<JsonNode> items = new ArrayList<>();
    if (answer.has("items")) {
      answer.get("items").forEach(items::add);
    } else {
      items.add(answer);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.put(
        "metadata", Map.of("resourceVersion", answer.at("/metadata/resourceVersion").asText("")));
    table.put("columnDefinitions", definitions());
    table.put("rows", items.stream().map(item -> row(item, now)).toList());
    try {
      return JSON.writeValueAsString(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Map<String, Object>> definitions() {
    List<Map<String, Object>> definitions = new ArrayList<>();
    definitions.add(Map.of("name", "Name", "type", "string", "format", "name", "priority", 0));
    for (CustomResourceColumnDefinition column : columns) {
      definitions.add(
          Map.of(
              "name",
              column.getName(),
              "type",
              column.getType(),
              "format",
              "",
              "description",
              column.getDescription() == null ? "" : column.getDescription(),
              "priority",
              column.getPriority() == null ? 0 : column.getPriority()));
    }
    return definitions;
  }

  private Map<String, Object> row(JsonNode item, Instant now) {
    List<Object> cells = new ArrayList<>();
    cells.add(item.at("/metadata/name").asText());
    for (CustomResourceColumnDefinition column : columns) {
      JsonNode value = item.at(column.getJsonPath().replace('.', '/'));
      cells.add("date".equals(column.getType()) ? age(value.asText(), now) : text(value));
    }
    Map<String, Object> metadata = JSON.convertValue(item.get("metadata"), Map.class);
    return Map.of(
        "cells",
        cells,
        "object",
        Map.of(
            "kind", "PartialObjectMetadata", "apiVersion", "meta.k8s.io/v1", "metadata", metadata));
  }

  private static Object text(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  /** kubectl's own short age format: 45s, 12m, 5h, 3d. */
  static String age(String timestamp, Instant now) {
    try {
      Duration age = Duration.between(Instant.parse(timestamp), now);
      if (age.toDays() > 0) {
        return age.toDays() + "d";
      }
      if (age.toHours() > 0) {
        return age.toHours() + "h";
      }
      if (age.toMinutes() > 0) {
        return age.toMinutes() + "m";
      }
      return Math.max(0, age.toSeconds()) + "s";
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
