package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One query across subscribers, devices, invoices and tickets, in five phases; each runs only when
 * the ones before found nothing in any type, because each touches more rows than the last:
 *
 * <ol>
 *   <li>identifiers through B-tree indexes: a whole account number, RADIUS username, e-mail,
 *       serial, MAC in any notation, invoice number or phone number scores 1; the end of an
 *       account, invoice or serial number (typed without its prefix, {@code 00765432} for {@code
 *       DFC318C-00765432}) or the last digits of a phone score 0.5 + 0.5 × the share of the value
 *       typed, so a whole identifier always outranks the end of another;
 *   <li>the query as a literal substring whatever its case (LIKE against lower-cased text,
 *       wildcards escaped) through the pg_trgm GIN indexes, score 0.5 + 0.5 × word similarity;
 *   <li>the query as a misspelling: subscribers whose name sounds like it (Soundex of the first and
 *       of the last word must agree, {@code Grase Mensah} finds {@code Grace Mensah}; a one-word
 *       query may sound like either), through B-trees; the other types by word similarity ({@code
 *       <%}) through their trigram indexes; score 0.5 × word similarity;
 *   <li>subscribers whose first and last word are what the query's words correct to, each within
 *       one slip of a word names are made of, for a typo that changes how a name sounds ({@code
 *       Frace Mensah}, {@code Mwasgi}, {@code NgozicLewis}): a primary-key look-up in the
 *       vocabulary, then the B-trees of name words ({@link NameWords}); score 0.5 × word
 *       similarity;
 *   <li>subscribers' names by word similarity through the trigram index, for what the vocabulary
 *       does not correct (two slips in one word); the costliest lookup at a million subscribers
 *       (every row that shares a common first name's trigrams is a candidate, 0.1–0.5 s), so it
 *       comes last.
 * </ol>
 *
 * Phone numbers match by their end only, never by digits in the middle: a query of digits, spaces
 * and {@code + ( ) . / -} with seven or more digits (leading zeros, i.e. an international {@code
 * 00} or trunk {@code 0} prefix, not counted) is a whole number in international, national or local
 * notation and finds every phone whose digits end with it ({@code +1 555 076 5432}, {@code (555)
 * 076-5432}, {@code 555.076.5432} and {@code 5550765432} all find {@code +1 555 0765432}); four to
 * six digits are its last digits ({@code 5432}). The end of an account, invoice or serial number is
 * looked up for a query of at least four letters, digits and {@code -}. Only when phase 1 finds
 * nothing does the substring phase look for the text anywhere, phone digits included. See {@link
 * Suffix} for why these are B-tree range scans.
 *
 * <p>Each phase asks for every requested type in one statement (UNION ALL), so a search costs one
 * round trip per phase it reaches, not one per type and phase. (Chaining the phases into fewer
 * statements, each a CTE run only when those before found nothing, saved round trips but cost more:
 * PostgreSQL then plans every phase of a chain for each search, ~1 ms per phase.) The parts: {@link
 * Source} (what is searched in each type), {@link QueryForm} (what the query can be), {@link
 * SearchSql} (the statements, pure), this class (the phases against the database).
 *
 * <p>A score of 0.5 or more therefore means the text was found as typed. Each phase ranks at most
 * {@value SearchSql#CANDIDATES} candidates per type: a query as common as a surname would otherwise
 * compute a similarity for thousands of rows to return twenty.
 */
@ApplicationScoped
public class SearchService {

  private final Map<SearchSql.Shape, NamedSql> statements = new ConcurrentHashMap<>();
  private final Db db;

  SearchService(Db db) {
    this.db = db;
  }

  /**
   * One statement per phase reached, without a transaction (every statement reads, none writes).
   * Each phase is planned as {@link Phase#planning} says: the substring and trigram phases for each
   * query's values, since how common a text or a name's trigrams are decides whether reading the
   * table until 200 candidates turn up or an index is cheaper (a generic plan made for a common
   * surname scans the whole table for a rare one: 2.2 s instead of 0.2 ms at a million
   * subscribers); the B-tree look-ups once per connection. The trigram threshold and JIT are the
   * connections' settings (application.properties), so they cost no statement of their own.
   */
  public List<SearchHit> search(SearchRequest request) {
    QueryForm form = QueryForm.of(request.query());
    Set<SearchType> types = Set.copyOf(request.types());
    Map<String, Object> values = new HashMap<>(form.values());
    values.put("limit", request.limit());
    for (Phase phase : Phase.values()) {
      NamedSql statement =
          statements.computeIfAbsent(form.shape(phase, types), SearchSql::statement);
      if (statement == null) {
        continue;
      }
      Object[] bound = statement.bind(values);
      List<SearchHit> hits =
          switch (phase.planning()) {
            case GENERIC -> db.listWithGenericPlan(statement.sql(), SearchService::hit, bound);
            case GENERIC_INDEX_SCANS ->
                db.listWithGenericIndexScanPlan(statement.sql(), SearchService::hit, bound);
            case CHOSEN_BY_SERVER -> db.list(statement.sql(), SearchService::hit, bound);
            case PER_EXECUTION ->
                db.listPlannedPerExecution(statement.sql(), SearchService::hit, bound);
          };
      if (!hits.isEmpty()) {
        return hits;
      }
    }
    return List.of();
  }

  private static SearchHit hit(ResultSet row) throws SQLException {
    return new SearchHit(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        Math.min(1.0, row.getDouble(5)));
  }
}
