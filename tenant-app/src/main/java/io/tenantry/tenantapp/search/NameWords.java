package io.tenantry.tenantapp.search;

/**
 * The rows of {@link Phase#NAME_WORDS}, as SQL: names whose words are what the query's words
 * correct to. A typo that changes how a word sounds ({@code Mwasgi}, {@code iDallo}) defeats
 * Soundex, and the trigram phase after this one reads every row that shares a common first name's
 * trigrams (0.1–0.5 s at a million subscribers). Here each query word is corrected against the
 * vocabulary of V9, words within one substitution, insertion, deletion or swap of neighbours,
 * through its primary key, whatever its size; then each corrected name, closest first, is looked up
 * by its words through the B-trees of V10, which hold each word after its Soundex code, so that the
 * Soundex and the exact word are both index conditions (through the Soundex B-trees of V5 alone, a
 * code shared by two names read 5,000 index entries at a million subscribers to keep 200).
 *
 * <p>Several words: the first and the last word are corrected ({@code Grac eMartin} is {@code grace
 * martin}). One word is a first or a last name ({@code Kamvu}), or two names whose space was
 * replaced or lost ({@code NgozicLewis}, {@code ngozilewis}).
 */
final class NameWords {

  /**
   * A text's first and last word, as the Soundex indexes of V5, the vocabulary of V9 and the word
   * indexes of V10 split.
   */
  static final String FIRST_WORD = "substring(%s FROM '[[:alpha:]]+')";

  static final String LAST_WORD = "substring(%s FROM '([[:alpha:]]+)[^[:alpha:]]*$')";

  /**
   * Corrected names tried, closest first: enough for every combination of a word's plausible
   * corrections, while the candidate limit still bounds the rows read.
   */
  static final int CORRECTIONS = 20;

  private NameWords() {}

  /**
   * A FROM clause yielding the rows of {@code table} (alias {@code named}) whose {@code column}
   * holds a corrected name, at most {@value SearchSql#CANDIDATES}, closest correction first.
   */
  static String from(String table, String column, boolean severalWords) {
    String corrections = severalWords ? correctedPair() : correctedWord();
    String pair =
        rows(table, column)
            + " AND %s = soundex(c.last_word) AND %s = c.last_word"
                .formatted(sound(LAST_WORD, column), lower(LAST_WORD, column));
    String lookUps =
        severalWords
            ? pair
            : pair
                + " UNION ALL "
                + rows(table, column)
                + " AND c.last_word IS NULL UNION ALL SELECT * FROM %s WHERE %s ="
                    .formatted(table, sound(LAST_WORD, column))
                + " soundex(c.last_word) AND %s = c.last_word AND c.first_word IS NULL"
                    .formatted(lower(LAST_WORD, column));
    return "(%s) c CROSS JOIN LATERAL (%s LIMIT %d) named"
        .formatted(corrections, lookUps, SearchSql.CANDIDATES);
  }

  /** Rows whose first word is the correction's. */
  private static String rows(String table, String column) {
    return "SELECT * FROM %s WHERE %s = soundex(c.first_word) AND %s = c.first_word"
        .formatted(table, sound(FIRST_WORD, column), lower(FIRST_WORD, column));
  }

  /** The query's first and last word corrected, every combination, closest to the query first. */
  private static String correctedPair() {
    return ("SELECT f.word AS first_word, l.word AS last_word FROM %s f, %s l"
            + " ORDER BY word_similarity(:q, f.word || ' ' || l.word) DESC, f.word, l.word"
            + " LIMIT %d")
        .formatted(
            corrected(FIRST_WORD.formatted(":q")),
            corrected(LAST_WORD.formatted(":q")),
            CORRECTIONS);
  }

  /**
   * One query word as a corrected first name (last word null), last name (first word null), or an
   * exact first and last name run together, with or without one character where the space was.
   */
  private static String correctedWord() {
    String typed = FIRST_WORD.formatted(":q");
    String word = corrected(typed);
    return ("SELECT first_word, last_word FROM ("
            + "SELECT w.word AS first_word, NULL::text AS last_word,"
            + " similarity(:q, w.word) AS closeness FROM %1$s w"
            + " UNION ALL SELECT NULL, w.word, similarity(:q, w.word) FROM %1$s w"
            + " UNION ALL SELECT a.word, b.word, word_similarity(:q, a.word || ' ' || b.word)"
            + " FROM generate_series(1, char_length(%2$s) - 1) i"
            + " JOIN subscriber_name_words a ON a.key = left(%2$s, i) AND a.word = a.key"
            + " JOIN subscriber_name_words b"
            + " ON b.key IN (substr(%2$s, i + 1), substr(%2$s, i + 2)) AND b.word = b.key"
            + ") corrections ORDER BY closeness DESC, first_word, last_word LIMIT %3$d")
        .formatted(word, typed, CORRECTIONS);
  }

  /** The vocabulary's words within one edit of {@code typed}: those sharing one of its keys. */
  private static String corrected(String typed) {
    return "(SELECT DISTINCT word FROM subscriber_name_words"
        + " WHERE key IN (SELECT search_word_keys(%s)))".formatted(typed);
  }

  private static String sound(String word, String column) {
    return "soundex(" + word.formatted(column) + ")";
  }

  private static String lower(String word, String column) {
    return "lower(" + word.formatted(column) + ")";
  }
}
