package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.devices.MacAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms a query can take, read once per search: the values its statements bind ({@code :q}
 * lower-cased, {@code :upper}, {@code :mac} in stored form, LIKE patterns, suffix ranges) and
 * whether it can be a MAC in another notation, the end of an identifier, a phone number and more
 * than one word, which decide each phase's SQL ({@link SearchSql.Shape}).
 */
record QueryForm(
    Map<String, String> values,
    boolean macNotation,
    boolean identifierSuffix,
    PhoneQuery phone,
    boolean severalWords) {

  /** Whether a query can be a phone number, and as what (see {@link Suffix#phone}). */
  enum PhoneQuery {
    NONE,
    WHOLE,
    LAST_DIGITS
  }

  private static final Pattern WORD = Pattern.compile("\\p{IsAlphabetic}+");

  static QueryForm of(String raw) {
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
    return new QueryForm(
        values,
        !mac.equals(q),
        suffix.isPresent(),
        phone
            .map(p -> p.whole() ? PhoneQuery.WHOLE : PhoneQuery.LAST_DIGITS)
            .orElse(PhoneQuery.NONE),
        severalWords(raw));
  }

  /** Two runs of letters or more; a loop, not a stream: this runs on every search. */
  private static boolean severalWords(String raw) {
    Matcher words = WORD.matcher(raw);
    return words.find() && words.find();
  }

  /** The statement shape of this form for one phase and set of types. */
  SearchSql.Shape shape(Phase phase, Set<SearchType> types) {
    return new SearchSql.Shape(phase, types, macNotation, identifierSuffix, phone, severalWords);
  }

  /** A suffix's text and range bounds, as {@code name}, {@code nameFrom} and {@code nameTo}. */
  private static void bind(Map<String, String> values, String name, Suffix suffix) {
    values.put(name, suffix.text());
    values.put(name + "From", suffix.from());
    values.put(name + "To", suffix.to());
  }

  /** A LIKE pattern matching {@code text} literally anywhere: \, % and _ are escaped. */
  static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
