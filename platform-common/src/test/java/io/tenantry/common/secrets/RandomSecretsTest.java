package io.tenantry.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomSecretsTest {

  @Test
  void randomIsUrlSafeAndUnpadded() {
    String secret = RandomSecrets.random(32);

    assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(RandomSecrets.random(32)).isNotEqualTo(secret);
  }

  @Test
  void lowerAlphanumericIsOnlyLowerCaseLettersAndDigits() {
    assertThat(RandomSecrets.lowerAlphanumeric(16)).hasSize(16).matches("[0-9a-z]+");
  }

  @Test
  void sha256IsTheHexDigest() {
    assertThat(RandomSecrets.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
