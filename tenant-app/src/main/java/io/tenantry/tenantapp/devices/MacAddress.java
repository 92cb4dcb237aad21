package io.tenantry.tenantapp.devices;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MAC addresses are stored as 12 lower-case hex digits, so every common notation
 * (aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff, aabbccddeeff) finds the same device.
 */
public final class MacAddress {

  private static final Pattern SEPARATORS = Pattern.compile("[:.\\-\\s]");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  /** The rule a device's MAC address breaks when it is none of the notations. */
  public static final String RULE =
      "must be a MAC address such as aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF,"
          + " aabb.ccdd.eeff or aabbccddeeff";

  private MacAddress() {}

  /** The full normalised form, or empty when {@code text} is not a MAC address. */
  public static Optional<String> normalise(String text) {
    return hexDigits(text).filter(hex -> hex.length() == 12);
  }

  /** The hex digits of a (possibly partial) MAC written in any notation, or empty. */
  public static Optional<String> hexDigits(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String hex = SEPARATORS.matcher(text.strip().toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    return HEX.matcher(hex).matches() ? Optional.of(hex) : Optional.empty();
  }

  /** The colon notation shown to people. */
  public static String display(String normalised) {
    StringBuilder out = new StringBuilder(17);
    for (int i = 0; i < normalised.length(); i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(normalised, i, Math.min(i + 2, normalised.length()));
    }
    return out.toString();
  }
}
