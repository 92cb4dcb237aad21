package io.tenantry.tenantapp.web;

import io.tenantry.tenantapp.identity.IdentityDtos.StaffView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The shapes list.html and detail.html render, so that every list and detail page shares them. */
public final class Views {

  private Views() {}

  /** A choice of a select. */
  public record Option(String value, String label) {}

  /** A filter (or the sort) above a list: a select when it has options, else an input. */
  public record FilterField(
      String name, String label, String type, String value, List<Option> options) {

    static FilterField select(String name, String label, String value, List<Option> options) {
      return new FilterField(name, label, "text", value == null ? "" : value, options);
    }

    static FilterField input(String name, String label, String type, String value) {
      return new FilterField(name, label, type, value == null ? "" : value, List.of());
    }
  }

  /** An input of a form: a select when it has options, else an input of {@code type}. */
  public record Input(
      String name,
      String label,
      String type,
      String value,
      List<Option> options,
      boolean required) {

    static Input text(String name, String label, String value, boolean required) {
      return new Input(name, label, "text", value == null ? "" : value, List.of(), required);
    }

    static Input of(String name, String label, String type, String value, boolean required) {
      return new Input(name, label, type, value == null ? "" : value, List.of(), required);
    }

    static Input select(String name, String label, String value, List<Option> options) {
      return new Input(name, label, "text", value == null ? "" : value, options, true);
    }
  }

  /** A row of a list; the first cell links to the detail page. */
  public record Row(String href, List<String> cells) {}

  /** A property on a detail page; linked when {@code href} is set. */
  public record Prop(String label, String value, String href) {

    static Prop of(String label, Object value) {
      return new Prop(label, value == null ? "—" : String.valueOf(value), null);
    }
  }

  /** A button posting {@code status=value} to {@code url}. */
  public record Action(String url, String label, String value, boolean danger) {}

  /** "Any" followed by every constant, by its wire value. */
  static List<Option> anyOf(Enum<?>[] values) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any"));
    Arrays.stream(values)
        .map(v -> new Option(v.toString(), v.toString().replace('_', ' ')))
        .forEach(options::add);
    return options;
  }

  /** {@code first}, then every staff member by name, as choices of their id. */
  static List<Option> staffOptions(String first, List<StaffView> staff) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", first));
    staff.stream()
        .map(u -> new Option(u.id().toString(), u.displayName() + " (" + u.email() + ")"))
        .forEach(options::add);
    return options;
  }

  /** Sort choices: each key ascending and descending. */
  static List<Option> sorts(Map<String, String> labels) {
    List<Option> options = new ArrayList<>();
    labels.forEach(
        (key, label) -> {
          options.add(new Option(key, label + " ↑"));
          options.add(new Option("-" + key, label + " ↓"));
        });
    return options;
  }

  /** {@code path?k=v&…} with the blank values left out, every value URL-encoded. */
  static String url(String path, Map<String, String> params) {
    String query =
        params.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isBlank())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** A mutable copy to add the cursor to. */
  static Map<String, String> with(Map<String, String> params, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put(key, value);
    return copy;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** An optional id from a query string; anything else is a 400 naming the field. */
  static java.util.UUID uuid(String field, String value) {
    try {
      return value == null || value.isBlank() ? null : java.util.UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw io.tenantry.common.problem.ProblemException.invalid(field, "must be a UUID");
    }
  }
}
