package io.tenantry.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** PEM as the operator writes it and the apps read it, one key or a key set. */
class PemTest {

  @Test
  void encodesInLinesOf64BetweenArmourLines() {
    String pem = Pem.encode(Pem.PUBLIC_KEY, new byte[100]);

    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
  }

  @Test
  void readsBackAnEcAndAnRsaKeyPair() throws Exception {
    KeyPair ec = KeyPairs.newEcP256();
    KeyPair rsa = rsa();

    assertThat(Pem.publicKey(Pem.encode(Pem.PUBLIC_KEY, ec.getPublic().getEncoded())))
        .isEqualTo(ec.getPublic());
    assertThat(Pem.privateKey(Pem.encode(Pem.PRIVATE_KEY, ec.getPrivate().getEncoded())))
        .isEqualTo(ec.getPrivate());
    assertThat(Pem.publicKey(Pem.encode(Pem.PUBLIC_KEY, rsa.getPublic().getEncoded())))
        .isEqualTo(rsa.getPublic());
    assertThat(Pem.privateKey(Pem.encode(Pem.PRIVATE_KEY, rsa.getPrivate().getEncoded())))
        .isEqualTo(rsa.getPrivate());
  }

  @Test
  void aKeySetYieldsEveryPublicKeyInOrder() throws Exception {
    KeyPair first = KeyPairs.newEcP256();
    KeyPair second = rsa();
    String bundle =
        Pem.encode(Pem.PUBLIC_KEY, first.getPublic().getEncoded())
            + "\n"
            + Pem.encode(Pem.PUBLIC_KEY, second.getPublic().getEncoded());

    assertThat(Pem.publicKeys(bundle)).containsExactly(first.getPublic(), second.getPublic());
    assertThatThrownBy(() -> Pem.publicKey(bundle))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("expected one public key, found 2");
  }

  @Test
  void refusesTextWithoutAKeyAndABlockThatIsNoKey() {
    assertThatThrownBy(() -> Pem.publicKeys("not a key"))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("no PEM block of type PUBLIC KEY");
    assertThatThrownBy(() -> Pem.publicKeys(Pem.encode(Pem.PUBLIC_KEY, new byte[] {1, 2, 3})))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("not an EC or RSA public key");
  }

  @Test
  void aPrivateKeyIsNeverTakenForAPublicOne() {
    String privatePem = Pem.encode(Pem.PRIVATE_KEY, KeyPairs.newEcP256().getPrivate().getEncoded());

    assertThatThrownBy(() -> Pem.publicKeys(privatePem))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("no PEM block of type PUBLIC KEY");
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }
}
