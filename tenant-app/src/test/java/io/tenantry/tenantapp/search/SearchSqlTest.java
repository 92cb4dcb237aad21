package io.tenantry.tenantapp.search;

import static io.tenantry.tenantapp.search.Phase.Planning.CHOSEN_BY_SERVER;
import static io.tenantry.tenantapp.search.Phase.Planning.GENERIC;
import static io.tenantry.tenantapp.search.Phase.Planning.GENERIC_INDEX_SCANS;
import static io.tenantry.tenantapp.search.Phase.Planning.PER_EXECUTION;
import static io.tenantry.tenantapp.search.SearchType.DEVICE;
import static io.tenantry.tenantapp.search.SearchType.INVOICE;
import static io.tenantry.tenantapp.search.SearchType.SUBSCRIBER;
import static io.tenantry.tenantapp.search.SearchType.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.tenantapp.search.QueryForm.PhoneQuery;
import io.tenantry.tenantapp.search.SearchSql.Shape;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The statements a search sends, without a database: which condition each type is found by in each
 * phase (the one its index serves) and how it is scored. The PostgreSQL-backed SearchTest and
 * SearchByEndAndSoundTest show what they find.
 */
class SearchSqlTest {

  private static final Set<SearchType> ALL = EnumSet.allOf(SearchType.class);

  /** A plain word: no MAC, no identifier end, no phone, one word. */
  private static Shape word(Phase phase, Set<SearchType> types) {
    return new Shape(phase, types, false, false, PhoneQuery.NONE, false);
  }

  private static Shape phone(PhoneQuery phone, Set<SearchType> types) {
    return new Shape(Phase.EXACT, types, false, false, phone, false);
  }

  @Test
  void aPhaseAsksForEveryRequestedTypeInOneStatementRankedAsOneList() {
    String sql = SearchSql.text(word(Phase.SUBSTRING, ALL));

    assertThat(sql).startsWith("SELECT type, id, title, subtitle, score FROM (");
    assertThat(sql.split(" UNION ALL ")).hasSize(4);
    assertThat(sql).endsWith(") hits ORDER BY score DESC, rank, id LIMIT :limit");
    assertThat(sql.indexOf("'subscriber' AS type, 0 AS rank"))
        .isLessThan(sql.indexOf("'device' AS type, 1 AS rank"));
    assertThat(sql.indexOf("'invoice' AS type, 2 AS rank"))
        .isLessThan(sql.indexOf("'ticket' AS type, 3 AS rank"));
  }

  @Test
  void aStatementAsItIsSent() {
    Shape invoiceEnd = new Shape(Phase.EXACT, Set.of(INVOICE), false, true, PhoneQuery.NONE, false);

    assertThat(SearchSql.text(invoiceEnd))
        .isEqualTo(
            "SELECT type, id, title, subtitle, score FROM ((SELECT 'invoice' AS type, 2 AS rank,"
                + " id::text AS id, title, subtitle, score FROM (SELECT id, number AS title,"
                + " status || ' · ' || total || ' ' || currency AS subtitle,"
                + " (GREATEST(CASE WHEN number = :upper THEN 1.0 END, CASE WHEN reverse(number)"
                + " ~>=~ :suffixFrom AND reverse(number) ~<~ :suffixTo THEN 0.5 + 0.5 *"
                + " char_length(:suffix) / char_length(reverse(number))::float8 END))::float8 AS"
                + " score FROM invoices WHERE (number = :upper) OR (reverse(number) ~>=~"
                + " :suffixFrom AND reverse(number) ~<~ :suffixTo) LIMIT 200) candidates"
                + " ORDER BY score DESC, candidates.id LIMIT :limit)) hits"
                + " ORDER BY score DESC, rank, id LIMIT :limit");
  }

  @Test
  void typesNotAskedForAreLeftOut() {
    String sql = SearchSql.text(word(Phase.SUBSTRING, Set.of(INVOICE)));

    assertThat(sql).contains("FROM invoices").doesNotContain("subscribers", "devices", "tickets");
  }

  @Test
  void eachTypeScoresAtMostTheCandidateLimitThenKeepsItsBest() {
    String sql = SearchSql.text(word(Phase.SUBSTRING, Set.of(TICKET)));

    assertThat(sql)
        .contains(
            "FROM tickets WHERE lower(subject) LIKE lower(:pattern) LIMIT 200) candidates"
                + " ORDER BY score DESC, candidates.id LIMIT :limit");
  }

  @Test
  void wholeIdentifiersAreLookedUpByEqualityAndScoreOne() {
    String sql = SearchSql.text(word(Phase.EXACT, Set.of(SUBSCRIBER, DEVICE, INVOICE)));

    assertThat(sql)
        .contains(
            "(1.0)::float8 AS score FROM subscribers WHERE (account_number = :upper"
                + " OR radius_username = :raw OR lower(email) = :lower)")
        .contains(
            "(1.0)::float8 AS score FROM devices WHERE (serial_number = :raw"
                + " OR serial_number = :upper OR mac_address = :mac)")
        .contains("(1.0)::float8 AS score FROM invoices WHERE (number = :upper)");
  }

  @Test
  void ticketsHaveNoIdentifierSoTheExactPhaseHasNoStatementForThem() {
    assertThat(SearchSql.text(word(Phase.EXACT, Set.of(TICKET)))).isNull();
    assertThat(SearchSql.statement(word(Phase.EXACT, Set.of(TICKET)))).isNull();
  }

  @Test
  void theEndOfAnIdentifierIsARangeOnItsReversedValueScoredByTheShareTyped() {
    Shape shape = new Shape(Phase.EXACT, Set.of(INVOICE), false, true, PhoneQuery.NONE, false);

    assertThat(SearchSql.text(shape))
        .contains(
            "WHERE (number = :upper) OR (reverse(number) ~>=~ :suffixFrom"
                + " AND reverse(number) ~<~ :suffixTo)")
        .contains(
            "GREATEST(CASE WHEN number = :upper THEN 1.0 END, CASE WHEN reverse(number) ~>=~"
                + " :suffixFrom AND reverse(number) ~<~ :suffixTo THEN 0.5 + 0.5 *"
                + " char_length(:suffix) / char_length(reverse(number))::float8 END)");
  }

  @Test
  void aWholePhoneNumberFindsEveryPhoneEndingInItAndScoresOne() {
    assertThat(SearchSql.text(phone(PhoneQuery.WHOLE, Set.of(SUBSCRIBER))))
        .contains(
            "CASE WHEN reverse(regexp_replace(phone, '[^0-9]', '', 'g')) ~>=~ :phoneFrom AND"
                + " reverse(regexp_replace(phone, '[^0-9]', '', 'g')) ~<~ :phoneTo THEN 1.0 END");
  }

  @Test
  void theLastDigitsOfAPhoneScoreTheShareOfTheNumberTyped() {
    assertThat(SearchSql.text(phone(PhoneQuery.LAST_DIGITS, Set.of(SUBSCRIBER))))
        .contains(
            "THEN 0.5 + 0.5 * char_length(:phone)"
                + " / char_length(reverse(regexp_replace(phone, '[^0-9]', '', 'g')))::float8 END");
  }

  @Test
  void onlySubscribersHavePhones() {
    assertThat(SearchSql.text(phone(PhoneQuery.WHOLE, Set.of(DEVICE, INVOICE))))
        .doesNotContain(":phone");
  }

  @Test
  void aSubstringIsMatchedLiterallyThroughTheTrigramIndexedDocumentAndScoresAboveOneHalf() {
    assertThat(SearchSql.text(word(Phase.SUBSTRING, Set.of(SUBSCRIBER))))
        .contains(
            "(0.5 + 0.5 * word_similarity(:q, search_text))::float8 AS score FROM subscribers"
                + " WHERE search_text LIKE lower(:pattern) LIMIT 200)");
  }

  @Test
  void aMacTypedWithSeparatorsIsAlsoMatchedInItsStoredFormOnDevicesOnly() {
    Shape shape = new Shape(Phase.SUBSTRING, ALL, true, false, PhoneQuery.NONE, true);

    String sql = SearchSql.text(shape);

    assertThat(sql)
        .contains(
            "FROM devices WHERE (search_text LIKE lower(:pattern) OR search_text LIKE lower(:macPattern))")
        .contains("FROM subscribers WHERE search_text LIKE lower(:pattern) LIMIT");
    assertThat(sql.split(":macPattern", -1)).hasSize(2);
  }

  @Test
  void severalWordsSoundLikeANameWhenItsFirstAndLastWordsBothDo() {
    Shape shape = new Shape(Phase.FUZZY, Set.of(SUBSCRIBER), false, false, PhoneQuery.NONE, true);

    assertThat(SearchSql.text(shape))
        .contains(
            "WHERE soundex(substring(name FROM '[[:alpha:]]+')) = soundex(substring(:q FROM"
                + " '[[:alpha:]]+')) AND soundex(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$'))"
                + " = soundex(substring(:q FROM '([[:alpha:]]+)[^[:alpha:]]*$'))"
                + " AND soundex(substring(:q FROM '[[:alpha:]]+')) <> ''"
                + " AND soundex(substring(:q FROM '([[:alpha:]]+)[^[:alpha:]]*$')) <> '' LIMIT 200")
        .contains("(0.5 * word_similarity(:q, lower(name)))::float8 AS score");
  }

  @Test
  void oneWordSoundsLikeANameWhenEitherItsFirstOrItsLastWordDoes() {
    Shape shape = new Shape(Phase.FUZZY, Set.of(SUBSCRIBER), false, false, PhoneQuery.NONE, false);

    assertThat(SearchSql.text(shape))
        .contains(
            "WHERE (soundex(substring(name FROM '[[:alpha:]]+')) = soundex(substring(:q FROM"
                + " '[[:alpha:]]+')) OR soundex(substring(name FROM"
                + " '([[:alpha:]]+)[^[:alpha:]]*$')) = soundex(substring(:q FROM"
                + " '[[:alpha:]]+'))) AND soundex(substring(:q FROM '[[:alpha:]]+')) <> '' LIMIT");
  }

  @Test
  void otherTypesMatchAMisspellingByWordSimilarityThroughTheirTrigramIndexes() {
    String sql = SearchSql.text(word(Phase.FUZZY, Set.of(DEVICE, INVOICE, TICKET)));

    assertThat(sql)
        .contains("FROM devices WHERE :q <% search_text LIMIT")
        .contains("FROM invoices WHERE :q <% lower(number) LIMIT")
        .contains("FROM tickets WHERE :q <% lower(subject) LIMIT")
        .contains("(0.5 * word_similarity(:q, search_text))::float8 AS score");
  }

  @Test
  void onlySubscriberNamesHaveTheLastPhaseOfNameTrigrams() {
    assertThat(SearchSql.text(word(Phase.NAME_TRIGRAMS, Set.of(DEVICE, INVOICE, TICKET)))).isNull();
    assertThat(SearchSql.text(word(Phase.NAME_TRIGRAMS, ALL)))
        .contains("FROM subscribers WHERE :q <% lower(name) LIMIT 200")
        .doesNotContain("devices", "invoices", "tickets");
  }

  @Test
  void theMisspellingPhasesAreTheLastThreeWithTheTrigramScanOfNamesLast() {
    assertThat(Phase.values()).endsWith(Phase.FUZZY, Phase.NAME_WORDS, Phase.NAME_TRIGRAMS);
  }

  @Test
  void onlyThePhasesWhosePlanDependsOnHowCommonTheTextIsArePlannedForItsValues() {
    assertThat(EnumSet.allOf(Phase.class).stream().filter(p -> p.planning() == PER_EXECUTION))
        .containsExactly(Phase.FUZZY, Phase.NAME_TRIGRAMS);
    assertThat(Phase.SUBSTRING.planning()).isEqualTo(CHOSEN_BY_SERVER);
    assertThat(EnumSet.allOf(Phase.class).stream().filter(p -> p.planning() == GENERIC))
        .containsExactly(Phase.EXACT);
  }

  @Test
  void theCorrectedNameWordsAreReadByIndexScansUnderTheirGenericPlan() {
    // a first name alone has 50,000 rows at a million subscribers: a bitmap scan reads them all
    assertThat(EnumSet.allOf(Phase.class).stream().filter(p -> p.planning() == GENERIC_INDEX_SCANS))
        .containsExactly(Phase.NAME_WORDS);
  }

  @Test
  void onlySubscriberNamesHaveThePhaseOfCorrectedWords() {
    assertThat(SearchSql.text(word(Phase.NAME_WORDS, Set.of(DEVICE, INVOICE, TICKET)))).isNull();
    assertThat(SearchSql.text(word(Phase.NAME_WORDS, ALL)))
        .contains("FROM (SELECT first_word, last_word FROM")
        .doesNotContain("devices", "invoices", "tickets");
  }

  @Test
  void severalWordsAreCorrectedAsAFirstAndALastWordLookedUpThroughTheSoundexIndex() {
    Shape shape =
        new Shape(Phase.NAME_WORDS, Set.of(SUBSCRIBER), false, false, PhoneQuery.NONE, true);

    assertThat(SearchSql.text(shape))
        .contains(
            "FROM (SELECT DISTINCT word FROM subscriber_name_words WHERE key IN"
                + " (SELECT search_word_keys(substring(:q FROM '[[:alpha:]]+')))) f,")
        .contains(
            "(SELECT DISTINCT word FROM subscriber_name_words WHERE key IN (SELECT"
                + " search_word_keys(substring(:q FROM '([[:alpha:]]+)[^[:alpha:]]*$')))) l")
        .contains(
            "ORDER BY word_similarity(:q, f.word || ' ' || l.word) DESC, f.word, l.word LIMIT 20)"
                + " c CROSS JOIN LATERAL (SELECT * FROM subscribers WHERE"
                + " soundex(substring(name FROM '[[:alpha:]]+')) = soundex(c.first_word)")
        .contains("LIMIT 200) named WHERE TRUE LIMIT 200) candidates")
        .contains("(0.5 * word_similarity(:q, lower(name)))::float8 AS score")
        .doesNotContain("UNION ALL SELECT * FROM subscribers");
  }

  @Test
  void oneWordIsCorrectedAsAFirstOrALastNameOrTwoNamesRunTogether() {
    Shape shape =
        new Shape(Phase.NAME_WORDS, Set.of(SUBSCRIBER), false, false, PhoneQuery.NONE, false);

    assertThat(SearchSql.text(shape))
        .contains("SELECT w.word AS first_word, NULL::text AS last_word")
        .contains("UNION ALL SELECT NULL, w.word")
        .contains("ON b.key IN (substr(")
        .contains("AND c.last_word IS NULL UNION ALL SELECT * FROM subscribers")
        .contains("AND c.first_word IS NULL LIMIT 200) named");
  }

  @Test
  void theSameShapeGetsTheSameTextSoTheServerSidePreparedStatementIsReused() {
    Shape shape = new Shape(Phase.EXACT, ALL, true, true, PhoneQuery.WHOLE, true);
    Shape same = new Shape(Phase.EXACT, Set.copyOf(ALL), true, true, PhoneQuery.WHOLE, true);

    assertThat(SearchSql.statement(same)).isEqualTo(SearchSql.statement(shape));
  }
}
