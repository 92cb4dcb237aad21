package io.tenantry.tenantapp.search;

/**
 * The phases of a search, in the order they run; each runs only when the ones before found nothing
 * in any type, because each touches more rows than the last.
 */
enum Phase {
  /**
   * Identifiers through B-tree indexes: a whole account number, RADIUS username, e-mail, serial,
   * MAC in any notation, invoice number or phone number; the end of an account, invoice or serial
   * number, or the last digits of a phone.
   */
  EXACT,

  /**
   * The query as a literal substring (ILIKE, wildcards escaped) through the pg_trgm GIN indexes.
   */
  SUBSTRING,

  /**
   * The query as a misspelling: subscribers whose name sounds like it, through B-trees; the other
   * types by word similarity through their trigram indexes.
   */
  FUZZY,

  /**
   * Subscribers' names by the words the query's words correct to: each within one substitution,
   * insertion, deletion or swap of a word names are made of (V9), then looked up by those words.
   */
  NAME_WORDS,

  /** Subscribers' names by word similarity through the trigram index: the costliest lookup. */
  NAME_TRIGRAMS;

  /** Whether this phase compares by similarity, and so needs the misspelling settings. */
  boolean misspelling() {
    return compareTo(FUZZY) >= 0;
  }
}
