package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.devices.MacAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
 * A score of 0.5 or more therefore means the text was found as typed. Each phase ranks at most
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

  private static final java.util.Map<SearchType, Source> SOURCES =
      java.util.Map.of(
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

  private final EntityManager em;

  SearchService(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public List<SearchHit> search(SearchRequest request) {
    List<SearchHit> hits = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      if (phase == Phase.FUZZY) {
        em.createNativeQuery("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)")
            .setParameter("t", THRESHOLD)
            .getSingleResult();
      }
      for (SearchType type : request.types()) {
        hits.addAll(run(SOURCES.get(type), phase, request.query(), request.limit()));
      }
      if (!hits.isEmpty()) {
        break;
      }
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
    return hits.size() > request.limit() ? hits.subList(0, request.limit()) : hits;
  }

  private enum Phase {
    EXACT,
    SUBSTRING,
    FUZZY
  }

  private List<SearchHit> run(Source source, Phase phase, String raw, int limit) {
    if (phase == Phase.EXACT && source.exact() == null) {
      return List.of();
    }
    String q = raw.toLowerCase(Locale.ROOT);
    // a MAC typed with separators is also searched in its stored form
    String mac = source.type().equals("device") ? MacAddress.hexDigits(q).orElse(q) : q;
    String sql = sql(source, phase, !mac.equals(q));
    Query query = em.createNativeQuery(sql).setParameter("limit", limit);
    bind(query, sql, "q", q);
    bind(query, sql, "raw", raw);
    bind(query, sql, "lower", q);
    bind(query, sql, "upper", raw.toUpperCase(Locale.ROOT));
    bind(query, sql, "mac", mac);
    bind(query, sql, "pattern", contains(q));
    bind(query, sql, "macPattern", contains(mac));
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

  private static String sql(Source source, Phase phase, boolean macNotation) {
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
    return ("SELECT '%s', id, title, subtitle, %s AS score FROM"
            + " (SELECT id, %s AS title, %s AS subtitle, %s AS doc FROM %s WHERE %s"
            + " LIMIT %d) candidates ORDER BY score DESC, id LIMIT :limit")
        .formatted(
            source.type(),
            score,
            source.title(),
            source.subtitle(),
            document,
            source.table(),
            where,
            CANDIDATES);
  }

  /** Binds {@code :name} if this phase's SQL uses it (Hibernate refuses unknown parameters). */
  private static void bind(Query query, String sql, String name, String value) {
    if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
      query.setParameter(name, value);
    }
  }

  /** An ILIKE pattern matching {@code text} literally anywhere: \, % and _ are escaped. */
  static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
