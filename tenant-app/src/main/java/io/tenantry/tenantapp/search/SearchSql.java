package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.db.NamedSql;
import io.tenantry.tenantapp.search.QueryForm.PhoneQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of a search, built without a database: one statement per {@link Shape}, asking for every
 * requested type in one UNION ALL so that a phase costs one round trip. Each type ranks at most
 * {@value #CANDIDATES} candidates, through the index its phase's condition is written for (see
 * {@link SearchService} for what each phase finds and how it scores).
 */
final class SearchSql {

  /**
   * Lowest word similarity a trigram match ({@code <%}) needs; pg_trgm's default of 0.6 misses more
   * typos. Every connection's setting, pg_trgm.word_similarity_threshold (application.properties).
   */
  static final String THRESHOLD = "0.45";

  /**
   * Rows each type scores per phase: a query as common as a surname would otherwise compute a
   * similarity for thousands of rows to return twenty.
   */
  static final int CANDIDATES = 200;

  /**
   * A case-insensitive substring match as LIKE: every {@link Source#document} is lower-cased text,
   * so PostgreSQL's ILIKE, which lower-cases the text and the pattern for each comparison in a
   * UTF-8 database, finds exactly what LIKE finds against the pattern lower-cased once. PostgreSQL
   * compares the pattern with ~100 sampled values of each column to plan the phase, and with every
   * candidate row: ILIKE lower-cased each of them again (~0.1 ms of planning per search at a
   * million rows).
   */
  private static final String SUBSTRING = "%1$s LIKE lower(:pattern)";

  private static final String SUBSTRING_OR_MAC =
      "(%1$s LIKE lower(:pattern) OR %1$s LIKE lower(:macPattern))";
  private static final String TRIGRAMS = ":q <%% %1$s";

  /** Soundex of the first and of the last word of a text, as the B-trees of V5 hold a name's. */
  private static final String FIRST_SOUND = "soundex(" + NameWords.FIRST_WORD + ")";

  private static final String LAST_SOUND = "soundex(" + NameWords.LAST_WORD + ")";

  private SearchSql() {}

  /**
   * What decides a statement's text: the phase, the types asked for, and the query's form. One text
   * per shape, built once, lets the PostgreSQL driver reuse its server-side prepared statement.
   */
  record Shape(
      Phase phase,
      Set<SearchType> types,
      boolean macNotation,
      boolean identifierSuffix,
      PhoneQuery phone,
      boolean severalWords) {}

  /**
   * How one type's rows are found in one phase, and how each is scored. The score is computed in
   * the candidates' select list, so only for the rows the candidate limit lets through.
   */
  private record Match(String from, String where, String score) {
    /** Rows of the type's own table. */
    Match(String where, String score) {
      this(null, where, score);
    }
  }

  /** {@link #text} compiled for JDBC; null when no asked-for type has this phase. */
  static NamedSql statement(Shape shape) {
    String text = text(shape);
    return text == null ? null : NamedSql.of(text);
  }

  /**
   * The phase's query for each type, in {@link SearchType} order, joined by UNION ALL; ties in
   * score keep that order, then the id. With {@code :name} parameters; null when no asked-for type
   * has this phase.
   */
  static String text(Shape shape) {
    List<String> parts = new ArrayList<>();
    for (SearchType type : SearchType.values()) {
      Source source = Source.of(type);
      Match match = shape.types().contains(type) ? match(source, shape, type) : null;
      if (match != null) {
        parts.add("(" + sql(source, match, type.ordinal()) + ")");
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return "SELECT type, id, title, subtitle, score FROM ("
        + String.join(" UNION ALL ", parts)
        + ") hits ORDER BY score DESC, rank, id LIMIT :limit";
  }

  /** How {@code source} is searched in the shape's phase, or null when it is not. */
  private static Match match(Source source, Shape shape, SearchType type) {
    String fuzzyScore = "0.5 * word_similarity(:q, %s)".formatted(source.fuzzyDocument());
    return switch (shape.phase()) {
      case EXACT -> identifiers(source, shape);
      case SUBSTRING -> {
        boolean macNotation = shape.macNotation() && type == SearchType.DEVICE;
        yield new Match(
            (macNotation ? SUBSTRING_OR_MAC : SUBSTRING).formatted(source.document()),
            "0.5 + 0.5 * word_similarity(:q, %s)".formatted(source.document()));
      }
      case FUZZY ->
          new Match(
              source.soundsLike() == null
                  ? TRIGRAMS.formatted(source.fuzzyDocument())
                  : soundsLike(source.soundsLike(), shape.severalWords()),
              fuzzyScore);
      case NAME_WORDS ->
          source.soundsLike() == null
              ? null
              : new Match(
                  NameWords.from(source.table(), source.soundsLike(), shape.severalWords()),
                  "TRUE",
                  fuzzyScore);
      case NAME_TRIGRAMS ->
          source.soundsLike() == null
              ? null
              : new Match(TRIGRAMS.formatted(source.fuzzyDocument()), fuzzyScore);
    };
  }

  /**
   * Phase 1: whole identifiers score 1, the end of one the share of it typed, a phone number as its
   * rules say. A row found more than one way keeps its best score.
   */
  private static Match identifiers(Source source, Shape shape) {
    Map<String, String> scoreByCondition = new LinkedHashMap<>();
    if (source.exact() != null) {
      scoreByCondition.put(source.exact(), "1.0");
    }
    if (shape.identifierSuffix() && source.suffixKey() != null) {
      scoreByCondition.put(
          range(source.suffixKey(), "suffix"), share(source.suffixKey(), "suffix"));
    }
    if (shape.phone() != PhoneQuery.NONE && source.phoneKey() != null) {
      scoreByCondition.put(
          range(source.phoneKey(), "phone"),
          shape.phone() == PhoneQuery.WHOLE ? "1.0" : share(source.phoneKey(), "phone"));
    }
    if (scoreByCondition.isEmpty()) {
      return null;
    }
    List<String> conditions = scoreByCondition.keySet().stream().map(c -> "(" + c + ")").toList();
    String score =
        scoreByCondition.size() == 1
            ? scoreByCondition.values().iterator().next()
            : scoreByCondition.entrySet().stream()
                .map(e -> "CASE WHEN " + e.getKey() + " THEN " + e.getValue() + " END")
                .collect(Collectors.joining(", ", "GREATEST(", ")"));
    return new Match(String.join(" OR ", conditions), score);
  }

  /** {@code key} (a reversed value) starts with the bound reversed suffix: see {@link Suffix}. */
  private static String range(String key, String name) {
    return "%1$s ~>=~ :%2$sFrom AND %1$s ~<~ :%2$sTo".formatted(key, name);
  }

  /** Above 0.5, and 1 only for the whole value: how much of the value the suffix covers. */
  private static String share(String key, String name) {
    return "0.5 + 0.5 * char_length(:%2$s) / char_length(%1$s)::float8".formatted(key, name);
  }

  /**
   * The first and the last word of {@code column} sound like those of the query; a one-word query
   * may sound like either. A query word without a Latin letter has an empty Soundex and matches
   * nothing (rather than every name without one).
   */
  private static String soundsLike(String column, boolean severalWords) {
    String first = FIRST_SOUND.formatted(":q");
    String last = LAST_SOUND.formatted(":q");
    if (severalWords) {
      return "%s = %s AND %s = %s AND %s <> '' AND %s <> ''"
          .formatted(
              FIRST_SOUND.formatted(column),
              first,
              LAST_SOUND.formatted(column),
              last,
              first,
              last);
    }
    return "(%s = %s OR %s = %s) AND %s <> ''"
        .formatted(
            FIRST_SOUND.formatted(column), first, LAST_SOUND.formatted(column), first, first);
  }

  private static String sql(Source source, Match match, int rank) {
    return ("SELECT '%s' AS type, %d AS rank, id::text AS id, title, subtitle, score FROM"
            + " (SELECT id, %s AS title, %s AS subtitle, (%s)::float8 AS score FROM %s WHERE %s"
            + " LIMIT %d) candidates ORDER BY score DESC, candidates.id LIMIT :limit")
        .formatted(
            source.type(),
            rank,
            source.title(),
            source.subtitle(),
            match.score(),
            match.from() == null ? source.table() : match.from(),
            match.where(),
            CANDIDATES);
  }
}
