package io.tenantry.tenantapp.search;

import java.util.Map;

/**
 * A searchable type: where its text lives (the document, lower-cased text: the substring phase
 * matches it with LIKE, see {@link SearchSql}), how a hit is shown, which columns identify a row
 * (whole, and their reversed form for suffix look-ups, see {@link Suffix}), what the misspelling
 * phases compare against, and the column that is matched by how it sounds (null where trigrams do
 * it in the fuzzy phase). Every expression here is one the indexes of V1 to V5 hold.
 */
record Source(
    String type,
    String title,
    String subtitle,
    String document,
    String table,
    String exact,
    String suffixKey,
    String phoneKey,
    String fuzzyDocument,
    String soundsLike) {

  /** A subscriber's phone digits reversed, as the suffix B-tree of V5 holds them. */
  static final String PHONE_KEY = "reverse(regexp_replace(phone, '[^0-9]', '', 'g'))";

  private static final Map<SearchType, Source> ALL =
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

  static Source of(SearchType type) {
    return ALL.get(type);
  }
}
