package io.tenantry.tenantapp.search;

import io.tenantry.common.problem.ProblemException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated search: the query text, the types asked for, and how many hits. */
public record SearchRequest(String query, Set<SearchType> types, int limit) {

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 100;
  public static final int MAX_LIMIT = 50;

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  /**
   * Control characters (NUL above all, which PostgreSQL rejects in text) are dropped; what is left
   * must be 2 to 100 characters.
   */
  public static SearchRequest parse(String q, String types, int limit) {
    String query = CONTROL.matcher(q == null ? "" : q).replaceAll(" ").strip();
    int length = query.codePointCount(0, query.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw ProblemException.invalid(
          "q", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return new SearchRequest(query, parseTypes(types), limit);
  }

  private static Set<SearchType> parseTypes(String types) {
    if (types == null || types.isBlank()) {
      return EnumSet.allOf(SearchType.class);
    }
    Set<SearchType> parsed = EnumSet.noneOf(SearchType.class);
    for (String type : types.split(",")) {
      String wanted = type.strip().toLowerCase(Locale.ROOT);
      parsed.add(
          Arrays.stream(SearchType.values())
              .filter(t -> t.wire().equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          "types", "must list only subscriber, device, invoice and ticket")));
    }
    return parsed;
  }
}
