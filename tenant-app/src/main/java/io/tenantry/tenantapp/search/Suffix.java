package io.tenantry.tenantapp.search;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The end of a value, looked up as a prefix of the value reversed: a B-tree on {@code
 * reverse(value) text_pattern_ops} answers "ends with" by a range scan, where a trigram index would
 * read the posting lists of trigrams that every value shares (every phone number has {@code 555},
 * every account number {@code 000}).
 *
 * <p>The range is {@code [from, to)} under the byte-wise {@code ~>=~}/{@code ~<~} operators: unlike
 * {@code LIKE :p || '%'}, which the planner turns into an index range only for a constant pattern,
 * bound parameters keep the index in the generic plan of a prepared statement. Only ASCII suffixes
 * are built, so incrementing the last character gives the exclusive upper bound.
 *
 * @param text the suffix as it is matched
 * @param from the reversed suffix, inclusive lower bound
 * @param to the first string after every string that starts with {@code from}
 */
record Suffix(String text, String from, String to) {

  /** An identifier typed without its prefix: account, invoice or serial number characters. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{4,}");

  /** What a phone number may contain; the same rule subscribers' phones are validated with. */
  private static final Pattern PHONE = Pattern.compile("[0-9 +()./-]+");

  private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

  /** Fewest significant digits that make a whole number (a local number without area code). */
  static final int WHOLE_NUMBER_DIGITS = 7;

  /** Fewest digits looked up as the last digits of a phone number. */
  static final int LAST_DIGITS = 4;

  private static Suffix of(String text) {
    String from = new StringBuilder(text).reverse().toString();
    char last = from.charAt(from.length() - 1);
    return new Suffix(text, from, from.substring(0, from.length() - 1) + (char) (last + 1));
  }

  /** The query upper-cased, when it could be the end of an account, invoice or serial number. */
  static Optional<Suffix> identifier(String query) {
    return IDENTIFIER.matcher(query).matches()
        ? Optional.of(of(query.toUpperCase(java.util.Locale.ROOT)))
        : Optional.empty();
  }

  /** A query that is a phone number, or its last digits, in any common notation. */
  record Phone(Suffix digits, boolean whole) {}

  /**
   * The phone digits a query asks for. Seven or more significant digits are a whole number in
   * local, national or international notation: leading zeros (the international prefix {@code 00},
   * a trunk {@code 0}) are dropped and every phone whose digits end with the rest matches, so
   * {@code (555) 076-5432} finds {@code +1 555 0765432}. Fewer are the last digits as typed, zeros
   * included; under four digits is no phone query.
   */
  static Optional<Phone> phone(String query) {
    if (!PHONE.matcher(query).matches()) {
      return Optional.empty();
    }
    String digits = NOT_DIGIT.matcher(query).replaceAll("");
    String significant = digits.replaceFirst("^0+", "");
    if (significant.length() >= WHOLE_NUMBER_DIGITS) {
      return Optional.of(new Phone(of(significant), true));
    }
    return digits.length() >= LAST_DIGITS
        ? Optional.of(new Phone(of(digits), false))
        : Optional.empty();
  }
}
