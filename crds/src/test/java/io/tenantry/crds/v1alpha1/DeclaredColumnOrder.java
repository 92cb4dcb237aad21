package io.tenantry.crds.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a generated CRD's printer columns in the order the class declares them. fabric8's generator
 * (7.6) sorts them by JSON path, so {@code kubectl get} would show Age first and a Rollout's Done
 * last, whatever the annotations say. Only a class whose columns are all declared on it with {@link
 * AdditionalPrinterColumn} has one declared order; any other (the Tenant's columns come from its
 * fields) keeps the generator's.
 *
 * <p>It edits the generator's YAML text rather than reserializing a model, so every other byte of
 * the committed file stays what the generator wrote.
 */
final class DeclaredColumnOrder {

  private static final Pattern LIST_START =
      Pattern.compile("^(\\s*)(- )?additionalPrinterColumns:$", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("^name: \"([^\"]*)\"$");

  private DeclaredColumnOrder() {}

  static String apply(Class<?> type, String generatedYaml) {
    List<String> declared =
        Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    Matcher start = LIST_START.matcher(generatedYaml);
    if (declared.isEmpty() || !start.find()) {
      return generatedYaml;
    }
    List<String> lines = List.of(generatedYaml.substring(start.end() + 1).split("\n", -1));
    String item = lines.getFirst().replaceFirst("^(\\s*- ).*", "$1");
    String field = " ".repeat(item.length());
    List<List<String>> columns = new ArrayList<>();
    int consumed = 0;
    for (String line : lines) {
      if (line.startsWith(item)) {
        columns.add(new ArrayList<>(List.of(line)));
      } else if (!columns.isEmpty() && line.startsWith(field)) {
        columns.getLast().add(line);
      } else {
        break;
      }
      consumed++;
    }
    Map<String, List<String>> byName = new HashMap<>();
    for (List<String> column : columns) {
      column.stream()
          .map(line -> NAME.matcher(line.substring(item.length())))
          .filter(Matcher::matches)
          .findFirst()
          .ifPresent(name -> byName.put(name.group(1), column));
    }
    if (byName.size() != columns.size() || !byName.keySet().equals(Set.copyOf(declared))) {
      return generatedYaml; // some columns come from fields: no single declared order
    }
    StringBuilder out = new StringBuilder(generatedYaml.substring(0, start.end() + 1));
    declared.forEach(name -> byName.get(name).forEach(line -> out.append(line).append('\n')));
    out.append(String.join("\n", lines.subList(consumed, lines.size())));
    return out.toString();
  }
}
