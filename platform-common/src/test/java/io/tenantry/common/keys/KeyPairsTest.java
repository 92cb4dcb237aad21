package io.tenantry.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** Which algorithm a key signs with: decided by the key, nowhere else. */
class KeyPairsTest {

  @Test
  void aNewKeyIsEcP256AndSignsEs256() throws Exception {
    var key = KeyPairs.newEcP256().getPublic();

    assertThat(key).isInstanceOf(ECPublicKey.class);
    assertThat(KeyPairs.jwsAlgorithm(key)).isEqualTo("ES256");
  }

  @Test
  void anRsaKeySignsRs256() throws Exception {
    assertThat(KeyPairs.jwsAlgorithm(PemTest.rsa().getPublic())).isEqualTo("RS256");
  }

  @Test
  void anEcKeyOnAnotherCurveIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));

    assertThatThrownBy(() -> KeyPairs.jwsAlgorithm(generator.generateKeyPair().getPublic()))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("an EC key must be on curve P-256");
  }
}
