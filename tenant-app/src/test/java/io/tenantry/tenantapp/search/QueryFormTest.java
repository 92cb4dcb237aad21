package io.tenantry.tenantapp.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.tenantapp.search.QueryForm.PhoneQuery;
import org.junit.jupiter.api.Test;

/** What a query is read as before any SQL is chosen; no database. */
class QueryFormTest {

  @Test
  void theQueryIsBoundLowerCasedAsTypedAndUpperCased() {
    QueryForm form = QueryForm.of("Ada Lovelace");

    assertThat(form.values())
        .containsEntry("q", "ada lovelace")
        .containsEntry("raw", "Ada Lovelace")
        .containsEntry("upper", "ADA LOVELACE");
    assertThat(form.severalWords()).isTrue();
  }

  @Test
  void aMacTypedWithSeparatorsIsAlsoBoundInItsStoredForm() {
    QueryForm form = QueryForm.of("AA-BB-CC-DD-EE-FF");

    assertThat(form.macNotation()).isTrue();
    assertThat(form.values())
        .containsEntry("mac", "aabbccddeeff")
        .containsEntry("macPattern", "%aabbccddeeff%");
  }

  @Test
  void wildcardsInTheQueryAreMatchedLiterally() {
    assertThat(QueryForm.of("a_b%c\\d").values()).containsEntry("pattern", "%a\\_b\\%c\\\\d%");
  }

  @Test
  void theEndOfAnIdentifierIsBoundAsTheRangeOfItsReversedText() {
    QueryForm form = QueryForm.of("00765432");

    assertThat(form.identifierSuffix()).isTrue();
    assertThat(form.values())
        .containsEntry("suffix", "00765432")
        .containsEntry("suffixFrom", "23456700")
        .containsEntry("suffixTo", "23456701");
  }

  @Test
  void sevenSignificantDigitsAreAWholePhoneNumberWithoutItsLeadingZeros() {
    QueryForm form = QueryForm.of("(555) 076-5432");

    assertThat(form.phone()).isEqualTo(PhoneQuery.WHOLE);
    assertThat(form.values()).containsEntry("phone", "5550765432");
  }

  @Test
  void fourToSixDigitsAreTheLastDigitsOfAPhone() {
    QueryForm form = QueryForm.of("5432");

    assertThat(form.phone()).isEqualTo(PhoneQuery.LAST_DIGITS);
    assertThat(form.values()).containsEntry("phone", "5432");
  }

  @Test
  void fewerThanFourDigitsAreNoPhoneQuery() {
    assertThat(QueryForm.of("123").phone()).isEqualTo(PhoneQuery.NONE);
  }
}
