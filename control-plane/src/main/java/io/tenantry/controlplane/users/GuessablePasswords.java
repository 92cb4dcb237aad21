package io.tenantry.controlplane.users;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses passwords that length alone would let through but that are guessed first: too few
 * distinct characters ({@code aaaaaaaaaaaa}), a short unit repeated ({@code abcabcabcabc}), a run
 * along the alphabet or digits ({@code 123456789012}), and a common word or keyboard row with only
 * digits and symbols around it ({@code Password1234!}).
 */
public class GuessablePasswords implements ConstraintValidator<PasswordPolicy, String> {

  static final String RULE = "is too common or too simple to guess";
  private static final int MIN_DISTINCT = 5;
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "password",
          "passw",
          "passwd",
          "passphrase",
          "qwerty",
          "qwertyuiop",
          "qwertz",
          "azerty",
          "asdfgh",
          "asdfghjkl",
          "zxcvbnm",
          "letmein",
          "welcome",
          "admin",
          "administrator",
          "iloveyou",
          "changeme",
          "secret",
          "tenantry",
          "master",
          "login",
          "monkey",
          "dragon",
          "football",
          "baseball",
          "sunshine",
          "princess",
          "trustno",
          "abc",
          "abcdef",
          "test",
          "default",
          "root",
          "user",
          "owner",
          "summer",
          "winter",
          "spring",
          "autumn");

  @Override
  public boolean isValid(String password, ConstraintValidatorContext context) {
    if (password == null || password.isBlank()) {
      return true; // @NotBlank reports that on its own
    }
    return password.codePoints().distinct().count() >= MIN_DISTINCT
        && !repeatsAShortUnit(password)
        && !isASequence(password)
        && !isACommonWordDressedUp(password);
  }

  private static boolean repeatsAShortUnit(String password) {
    for (int unit = 1; unit <= 4 && unit < password.length(); unit++) {
      if (password.length() % unit == 0
          && password.substring(unit).equals(password.substring(0, password.length() - unit))) {
        return true;
      }
    }
    return false;
  }

  /** Every character one above (or every one below) the one before it. */
  private static boolean isASequence(String password) {
    int step = password.charAt(1) - password.charAt(0);
    if (Math.abs(step) != 1) {
      return false;
    }
    for (int i = 2; i < password.length(); i++) {
      if (password.charAt(i) - password.charAt(i - 1) != step) {
        return false;
      }
    }
    return true;
  }

  /** Its letters alone are nothing at all, or one common word, perhaps repeated. */
  private static boolean isACommonWordDressedUp(String password) {
    String letters = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    if (letters.isEmpty()) {
      return true;
    }
    for (String word : COMMON_WORDS) {
      if (letters.equals(word) || letters.replace(word, "").isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
