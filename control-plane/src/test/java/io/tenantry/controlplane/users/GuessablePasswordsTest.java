package io.tenantry.controlplane.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuessablePasswordsTest {

  private final GuessablePasswords rule = new GuessablePasswords();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aaaaaaaaaaaa",
        "aaaaaabbbbbb",
        "abcabcabcabc",
        "abcdabcdabcd",
        "123456789012",
        "abcdefghijklm",
        "zyxwvutsrqpo",
        "Password1234!",
        "password-password",
        "qwertyuiop12",
        "Welcome2026!!",
        "999999999999",
        "20261206-2026"
      })
  void commonAndTrivialPasswordsAreRefused(String password) {
    assertThat(rule.isValid(password, null)).as(password).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "violet-harbour-lantern-42",
        "correct horse battery staple",
        "s3cret-Passphrase-Never-Logged",
        "a brand new long passphrase",
        "Tr7#kq!Lm2@Zp"
      })
  void passwordsThatAreNotEasilyGuessedPass(String password) {
    assertThat(rule.isValid(password, null)).as(password).isTrue();
  }
}
