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
   * The query as a literal substring, whatever its case (LIKE against lower-cased text, wildcards
   * escaped), through the pg_trgm GIN indexes.
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

  /**
   * How PostgreSQL plans this phase. A substring ({@code LIKE}) or trigram match ({@code <%}) needs
   * a plan for its values: a common text is found soonest by reading the table until 200 candidates
   * turn up, a rare one through its index (a generic plan took 0.2 s for {@code example.net}
   * instead of 3 ms, 2.6 s for a miss's trigrams instead of 0.2 ms). Identifiers and the corrected
   * name words are looked up by B-trees whatever the values, so one generic plan per connection
   * serves them; left to itself PostgreSQL keeps planning them per execution (0.2–0.5 ms each)
   * because a value that matches nothing makes each custom plan look cheaper. The name words'
   * generic plan reads them by index scans, never bitmap scans: a first or last name alone matches
   * up to 50,000 rows at a million subscribers, and a bitmap scan reads all their index entries
   * before the candidate limit keeps 200 (9–11 ms against 1.3 ms for a misspelt first name).
   */
  Planning planning() {
    return switch (this) {
      case EXACT -> Planning.GENERIC;
      case NAME_WORDS -> Planning.GENERIC_INDEX_SCANS;
      case SUBSTRING -> Planning.CHOSEN_BY_SERVER;
      case FUZZY, NAME_TRIGRAMS -> Planning.PER_EXECUTION;
    };
  }

  /** See {@link #planning}. */
  enum Planning {
    /** One generic plan per connection ({@code Db#listWithGenericPlan}). */
    GENERIC,
    /** {@link #GENERIC}, without bitmap scans ({@code Db#listWithGenericIndexScanPlan}). */
    GENERIC_INDEX_SCANS,
    /** PostgreSQL's choice between custom and generic plans for a named statement. */
    CHOSEN_BY_SERVER,
    /**
     * A custom plan for every execution, custom plans forced for the statement ({@code
     * Db#listPlannedPerExecution}).
     */
    PER_EXECUTION
  }
}
