package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.devices.MacAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One query across subscribers, devices, invoices and tickets, in three phases; each runs only when
 * the one before found nothing in any type, because each touches more rows than the last:
 *
 * <ol>
 *   <li>exact identifiers (account number, RADIUS username, e-mail, serial, MAC in any notation,
 *       invoice number) through B-tree indexes, score 1;
 *   <li>the query as a literal substring (ILIKE, wildcards escaped) through the pg_trgm GIN
 *       indexes, score 0.5 + 0.5 × word similarity;
 *   <li>the query as a misspelling: word similarity ({@code <%}, typo tolerant) through trigram
 *       indexes (for subscribers, on the name only), score 0.5 × word similarity.
 * </ol>
 *
 * Each phase asks for every requested type in one statement (UNION ALL), so a search costs one
 * round trip per phase it reaches, not one per type and phase.
 *
 * <p>A score of 0.5 or more therefore means the text was found as typed. Each phase ranks at most
 * {@value #CANDIDATES} candidates per type: a query as common as a surname would otherwise compute
 * a similarity for thousands of rows to return twenty.
 */
@ApplicationScoped
public class SearchService {

  /** Lowest word similarity a fuzzy match needs; pg_trgm's default of 0.6 misses "Jonh Smiht". */
  static final String THRESHOLD = "0.45";

  static final int CANDIDATES = 200;

  private static final String SUBSTRING = "%1$s ILIKE :pattern";
  private static final String SUBSTRING_OR_MAC = "(%1$s ILIKE :pattern OR %1$s ILIKE :macPattern)";
  private static final String FUZZY = ":q <%% %1$s";

  /**
   * Where each type's text lives, how a hit is shown, which columns identify a row, and what the
   * fuzzy phase compares against.
   */
  private record Source(
      String type,
      String title,
      String subtitle,
      String document,
      String table,
      String exact,
      String fuzzyDocument) {}

  private static final Map<SearchType, Source> SOURCES =
      Map.of(
          SearchType.SUBSCRIBER,
          new Source(
              "subscriber",
              "name",
              "account_number || ' · ' || email",
              "search_text",
              "subscribers",
              "account_number = :upper OR radius_username = :raw OR lower(email) = :lower",
              // people misspell names; identifiers are copied and pasted
              "lower(name)"),
          SearchType.DEVICE,
          new Source(
              "device",
              "serial_number",
              "device_type || ' · ' || mac_address",
              "search_text",
              "devices",
              "serial_number = :raw OR serial_number = :upper OR mac_address = :mac",
              "search_text"),
          SearchType.INVOICE,
          new Source(
              "invoice",
              "number",
              "status || ' · ' || total || ' ' || currency",
              "lower(number)",
              "invoices",
              "number = :upper",
              "lower(number)"),
          SearchType.TICKET,
          new Source(
              "ticket",
              "subject",
              "status || ' · ' || priority",
              "lower(subject)",
              "tickets",
              null,
              "lower(subject)"));

  /** Parameters a phase's SQL may use; each is bound only where the SQL names it. */
  private static final List<String> PARAMETERS =
      List.of("q", "raw", "lower", "upper", "mac", "pattern", "macPattern");

  /**
   * One SQL text per phase, set of types and MAC notation, built once: the same text every time
   * lets the PostgreSQL driver reuse its server-side prepared statement.
   */
  private record Shape(Phase phase, Set<SearchType> types, boolean macNotation) {}

  private record Statement(String sql, List<String> parameters) {}

  private final Map<Shape, Statement> statements = new ConcurrentHashMap<>();
  private final EntityManager em;

  SearchService(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public List<SearchHit> search(SearchRequest request) {
    String raw = request.query();
    String q = raw.toLowerCase(Locale.ROOT);
    // a MAC typed with separators is also searched in its stored form
    String mac = MacAddress.hexDigits(q).orElse(q);
    Map<String, String> values =
        Map.of(
            "q", q,
            "raw", raw,
            "lower", q,
            "upper", raw.toUpperCase(Locale.ROOT),
            "mac", mac,
            "pattern", contains(q),
            "macPattern", contains(mac));
    for (Phase phase : Phase.values()) {
      Shape shape = new Shape(phase, Set.copyOf(request.types()), !mac.equals(q));
      Statement statement = statements.computeIfAbsent(shape, SearchService::statement);
      if (statement == null) {
        continue;
      }
      if (phase == Phase.FUZZY) {
        em.createNativeQuery("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)")
            .setParameter("t", THRESHOLD)
            .getSingleResult();
      }
      List<SearchHit> hits = run(statement, values, request.limit());
      if (!hits.isEmpty()) {
        return hits;
      }
    }
    return List.of();
  }

  private enum Phase {
    EXACT,
    SUBSTRING,
    FUZZY
  }

  /** All asked-for types of one phase in one round trip, ranked as one list. */
  private List<SearchHit> run(Statement statement, Map<String, String> values, int limit) {
    Query query = em.createNativeQuery(statement.sql()).setParameter("limit", limit);
    statement.parameters().forEach(name -> query.setParameter(name, values.get(name)));
    List<SearchHit> hits = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] cols = (Object[]) row;
      double score = Math.min(1.0, ((Number) cols[4]).doubleValue());
      hits.add(
          new SearchHit(
              (String) cols[0],
              String.valueOf(cols[1]),
              (String) cols[2],
              (String) cols[3],
              score));
    }
    return hits;
  }

  /**
   * The phase's query for each type, in {@link SearchType} order, joined by UNION ALL; ties in
   * score keep that order, then the id. Null when no asked-for type has this phase.
   */
  private static Statement statement(Shape shape) {
    List<String> parts = new ArrayList<>();
    for (SearchType type : SearchType.values()) {
      Source source = SOURCES.get(type);
      if (shape.types().contains(type)
          && !(shape.phase() == Phase.EXACT && source.exact() == null)) {
        boolean macNotation = shape.macNotation() && type == SearchType.DEVICE;
        parts.add("(" + sql(source, shape.phase(), macNotation, type.ordinal()) + ")");
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    String sql =
        "SELECT type, id, title, subtitle, score FROM ("
            + String.join(" UNION ALL ", parts)
            + ") hits ORDER BY score DESC, rank, id LIMIT :limit";
    List<String> used =
        PARAMETERS.stream()
            .filter(name -> Pattern.compile(":" + name + "\\b").matcher(sql).find())
            .toList();
    return new Statement(sql, used);
  }

  private static String sql(Source source, Phase phase, boolean macNotation, int rank) {
    String where =
        switch (phase) {
          case EXACT -> source.exact();
          case SUBSTRING ->
              (macNotation ? SUBSTRING_OR_MAC : SUBSTRING).formatted(source.document());
          case FUZZY -> FUZZY.formatted(source.fuzzyDocument());
        };
    String score =
        switch (phase) {
          case EXACT -> "1.0";
          case SUBSTRING -> "0.5 + 0.5 * word_similarity(:q, doc)";
          case FUZZY -> "0.5 * word_similarity(:q, doc)";
        };
    String document = phase == Phase.FUZZY ? source.fuzzyDocument() : source.document();
    return ("SELECT '%s' AS type, %d AS rank, id::text AS id, title, subtitle,"
            + " (%s)::float8 AS score FROM"
            + " (SELECT id, %s AS title, %s AS subtitle, %s AS doc FROM %s WHERE %s"
            + " LIMIT %d) candidates ORDER BY score DESC, candidates.id LIMIT :limit")
        .formatted(
            source.type(),
            rank,
            score,
            source.title(),
            source.subtitle(),
            document,
            source.table(),
            where,
            CANDIDATES);
  }

  /** An ILIKE pattern matching {@code text} literally anywhere: \, % and _ are escaped. */
  static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
