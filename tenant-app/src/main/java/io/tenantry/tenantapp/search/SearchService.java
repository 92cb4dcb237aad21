package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.NamedSql;
import io.tenantry.tenantapp.devices.MacAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One query across subscribers, devices, invoices and tickets, in four phases; each runs only when
 * the ones before found nothing in any type, because each touches more rows than the last:
 *
 * <ol>
 *   <li>identifiers through B-tree indexes: a whole account number, RADIUS username, e-mail,
 *       serial, MAC in any notation, invoice number or phone number scores 1; the end of an
 *       account, invoice or serial number (typed without its prefix, {@code 00765432} for {@code
 *       DFC318C-00765432}) or the last digits of a phone score 0.5 + 0.5 × the share of the value
 *       typed, so a whole identifier always outranks the end of another;
 *   <li>the query as a literal substring (ILIKE, wildcards escaped) through the pg_trgm GIN
 *       indexes, score 0.5 + 0.5 × word similarity;
 *   <li>the query as a misspelling: subscribers whose name sounds like it (Soundex of the first and
 *       of the last word must agree, {@code Grase Mensah} finds {@code Grace Mensah}; a one-word
 *       query may sound like either), through B-trees; the other types by word similarity ({@code
 *       <%}) through their trigram indexes; score 0.5 × word similarity;
 *   <li>subscribers' names by word similarity through the trigram index, for a typo that changes
 *       how a name sounds ({@code Frace Mensah}); the costliest lookup at a million subscribers
 *       (every row that shares a common surname's trigrams is a candidate), so it comes last.
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
 * round trip per phase it reaches, not one per type and phase.
 *
 * <p>A score of 0.5 or more therefore means the text was found as typed. Each phase ranks at most
 * {@value #CANDIDATES} candidates per type: a query as common as a surname would otherwise compute
 * a similarity for thousands of rows to return twenty.
 */
@ApplicationScoped
public class SearchService {

  /** Lowest word similarity a trigram match needs; pg_trgm's default of 0.6 misses more typos. */
  static final String THRESHOLD = "0.45";

  static final int CANDIDATES = 200;

  /**
   * For the rest of the transaction: the trigram threshold, and a plan for each statement's actual
   * values. How common a name's sound or trigrams are decides whether reading the table until 200
   * candidates turn up or an index is cheaper; a generic plan (which the server caches after five
   * executions of a prepared statement) made for a common surname scans the whole table for a rare
   * one: 2.2 s instead of 0.2 ms at a million subscribers.
   */
  private static final String MISSPELLING_SETTINGS =
      "SELECT set_config('pg_trgm.word_similarity_threshold', :t, true),"
          + " set_config('plan_cache_mode', 'force_custom_plan', true)";

  private static final String SUBSTRING = "%1$s ILIKE :pattern";
  private static final String SUBSTRING_OR_MAC = "(%1$s ILIKE :pattern OR %1$s ILIKE :macPattern)";
  private static final String TRIGRAMS = ":q <%% %1$s";

  /** A subscriber's phone digits reversed, as the suffix B-tree of V5 holds them. */
  private static final String PHONE_KEY = "reverse(regexp_replace(phone, '[^0-9]', '', 'g'))";

  /** Soundex of the first and of the last word of a text, as the B-trees of V5 hold a name's. */
  private static final String FIRST_SOUND = "soundex(substring(%s FROM '[[:alpha:]]+'))";

  private static final String LAST_SOUND =
      "soundex(substring(%s FROM '([[:alpha:]]+)[^[:alpha:]]*$'))";

  private static final Pattern WORD = Pattern.compile("\\p{IsAlphabetic}+");

  /**
   * Where each type's text lives, how a hit is shown, which columns identify a row (whole, and
   * their reversed form for suffix look-ups), what the misspelling phases compare against, and the
   * column that is matched by how it sounds (null where trigrams do it in phase 3).
   */
  private record Source(
      String type,
      String title,
      String subtitle,
      String document,
      String table,
      String exact,
      String suffixKey,
      String phoneKey,
      String fuzzyDocument,
      String soundsLike) {}

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
              "reverse(account_number)",
              PHONE_KEY,
              // people misspell names; identifiers are copied and pasted
              "lower(name)",
              "name"),
          SearchType.DEVICE,
          new Source(
              "device",
              "serial_number",
              "device_type || ' · ' || mac_address",
              "search_text",
              "devices",
              "serial_number = :raw OR serial_number = :upper OR mac_address = :mac",
              "reverse(upper(serial_number))",
              null,
              "search_text",
              null),
          SearchType.INVOICE,
          new Source(
              "invoice",
              "number",
              "status || ' · ' || total || ' ' || currency",
              "lower(number)",
              "invoices",
              "number = :upper",
              "reverse(number)",
              null,
              "lower(number)",
              null),
          SearchType.TICKET,
          new Source(
              "ticket",
              "subject",
              "status || ' · ' || priority",
              "lower(subject)",
              "tickets",
              null,
              null,
              null,
              "lower(subject)",
              null));

  /** Whether a query can be a phone number, and as what. */
  private enum PhoneQuery {
    NONE,
    WHOLE,
    LAST_DIGITS
  }

  /**
   * One SQL text per phase, set of types and query form, built once: the same text every time lets
   * the PostgreSQL driver reuse its server-side prepared statement.
   */
  private record Shape(
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
  private record Match(String where, String score) {}

  private static final NamedSql MISSPELLING = NamedSql.of(MISSPELLING_SETTINGS);

  private final Map<Shape, NamedSql> statements = new ConcurrentHashMap<>();
  private final Db db;

  SearchService(Db db) {
    this.db = db;
  }

  @Transactional
  public List<SearchHit> search(SearchRequest request) {
    Form form = Form.of(request.query());
    Set<SearchType> types = Set.copyOf(request.types());
    boolean misspellingSettings = false;
    for (Phase phase : Phase.values()) {
      NamedSql statement =
          statements.computeIfAbsent(form.shape(phase, types), SearchService::statement);
      if (statement == null) {
        continue;
      }
      if (phase.compareTo(Phase.FUZZY) >= 0 && !misspellingSettings) {
        db.list(MISSPELLING.sql(), row -> null, MISSPELLING.bind(Map.of("t", THRESHOLD)));
        misspellingSettings = true;
      }
      List<SearchHit> hits = run(statement, form.values(), request.limit());
      if (!hits.isEmpty()) {
        return hits;
      }
    }
    return List.of();
  }

  /** What a search binds, and the forms of its query that decide each phase's SQL. */
  private record Form(
      Map<String, String> values,
      boolean macNotation,
      boolean identifierSuffix,
      PhoneQuery phone,
      boolean severalWords) {

    static Form of(String raw) {
      String q = raw.toLowerCase(Locale.ROOT);
      // a MAC typed with separators is also searched in its stored form
      String mac = MacAddress.hexDigits(q).orElse(q);
      Map<String, String> values =
          new HashMap<>(
              Map.of(
                  "q", q,
                  "raw", raw,
                  "lower", q,
                  "upper", raw.toUpperCase(Locale.ROOT),
                  "mac", mac,
                  "pattern", contains(q),
                  "macPattern", contains(mac)));
      Optional<Suffix> suffix = Suffix.identifier(raw);
      Optional<Suffix.Phone> phone = Suffix.phone(raw);
      suffix.ifPresent(s -> bind(values, "suffix", s));
      phone.ifPresent(p -> bind(values, "phone", p.digits()));
      return new Form(
          values,
          !mac.equals(q),
          suffix.isPresent(),
          phone
              .map(p -> p.whole() ? PhoneQuery.WHOLE : PhoneQuery.LAST_DIGITS)
              .orElse(PhoneQuery.NONE),
          WORD.matcher(raw).results().limit(2).count() > 1);
    }

    /** A suffix's text and range bounds, as {@code name}, {@code nameFrom} and {@code nameTo}. */
    private static void bind(Map<String, String> values, String name, Suffix suffix) {
      values.put(name, suffix.text());
      values.put(name + "From", suffix.from());
      values.put(name + "To", suffix.to());
    }

    Shape shape(Phase phase, Set<SearchType> types) {
      return new Shape(phase, types, macNotation, identifierSuffix, phone, severalWords);
    }
  }

  private enum Phase {
    EXACT,
    SUBSTRING,
    FUZZY,
    NAME_TRIGRAMS
  }

  /** All asked-for types of one phase in one round trip, ranked as one list. */
  private List<SearchHit> run(NamedSql statement, Map<String, String> values, int limit) {
    Map<String, Object> bound = new HashMap<>(values);
    bound.put("limit", limit);
    return db.list(
        statement.sql(),
        row ->
            new SearchHit(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                Math.min(1.0, row.getDouble(5))),
        statement.bind(bound));
  }

  /**
   * The phase's query for each type, in {@link SearchType} order, joined by UNION ALL; ties in
   * score keep that order, then the id. Null when no asked-for type has this phase.
   */
  private static NamedSql statement(Shape shape) {
    List<String> parts = new ArrayList<>();
    for (SearchType type : SearchType.values()) {
      Source source = SOURCES.get(type);
      Match match = shape.types().contains(type) ? match(source, shape, type) : null;
      if (match != null) {
        parts.add("(" + sql(source, match, type.ordinal()) + ")");
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    String sql =
        "SELECT type, id, title, subtitle, score FROM ("
            + String.join(" UNION ALL ", parts)
            + ") hits ORDER BY score DESC, rank, id LIMIT :limit";
    return NamedSql.of(sql);
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
            source.table(),
            match.where(),
            CANDIDATES);
  }

  /** An ILIKE pattern matching {@code text} literally anywhere: \, % and _ are escaped. */
  static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
